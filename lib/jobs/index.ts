export { defineJob, getQueue, startWorkers, stopQueue, type JobHandler } from "./queue";
