// scripts/server.ts runs Next.js, whose page renderer needs react-dom/server, so that process cannot take the
// react-server condition that lets other scripts load `server-only` modules. This maps just that marker
// package to its no-op build for the modules the server itself loads (Next.js' bundles carry their own).
import Module from "node:module";
import path from "node:path";

const empty = path.resolve(import.meta.dirname, "../../node_modules/server-only/empty.js");
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, request === "server-only" ? empty : request, ...rest);
};
