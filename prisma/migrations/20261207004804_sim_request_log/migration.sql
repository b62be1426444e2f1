-- CreateTable
CREATE TABLE "SimRequest" (
    "seq" SERIAL NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SimRequest_pkey" PRIMARY KEY ("seq")
);

