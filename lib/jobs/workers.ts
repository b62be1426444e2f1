import "server-only";

/**
 * Importing this module registers every job handler of the app. Each feature adds one import line here
 * for its jobs module (e.g. `import "@/lib/responses/jobs";`).
 */
import "@/lib/responses/jobs";
import "@/lib/templates/jobs";
import "@/lib/flows/jobs";
import "@/lib/eightbyeight/simulator/jobs";

export {};
