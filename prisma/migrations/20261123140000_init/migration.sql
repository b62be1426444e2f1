-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'MARKETER', 'TESTER');

-- CreateEnum
CREATE TYPE "FlowStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'DEPRECATED');

-- CreateEnum
CREATE TYPE "SendKind" AS ENUM ('TEMPLATE', 'INTERACTIVE');

-- CreateEnum
CREATE TYPE "DeliveryResult" AS ENUM ('PENDING', 'PROCESSED', 'DUPLICATE', 'DEAD_LETTER', 'FAILED');

-- CreateEnum
CREATE TYPE "ResponseAttribution" AS ENUM ('TOKEN', 'SEND_LOG', 'MANUAL', 'UNATTRIBUTED');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "logAccess" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorEmail" TEXT,
    "action" TEXT NOT NULL,
    "objectType" TEXT NOT NULL,
    "objectId" TEXT,
    "ip" TEXT,
    "userAgent" TEXT,
    "details" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInAttempt" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiRateBucket" (
    "key" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "refilledAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApiRateBucket_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Channel" (
    "id" UUID NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phoneNumber" TEXT,
    "qualityEvent" TEXT,
    "messagingLimit" TEXT,
    "testNumbers" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "lastFlowSyncAt" TIMESTAMP(3),
    "lastSyncAttemptAt" TIMESTAMP(3),
    "lastSyncError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Channel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Flow" (
    "id" UUID NOT NULL,
    "channelId" UUID NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" "FlowStatus" NOT NULL,
    "categories" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "flowJson" TEXT,
    "flowJsonVersion" TEXT,
    "endpointUri" TEXT,
    "applicationId" TEXT,
    "validationErrors" JSONB NOT NULL DEFAULT '[]',
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),
    "deprecatedAt" TIMESTAMP(3),
    "lastSyncedAt" TIMESTAMP(3),
    "createdById" UUID,
    "updatedById" UUID,
    "previousVersionId" UUID,

    CONSTRAINT "Flow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FlowRevision" (
    "id" UUID NOT NULL,
    "flowId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "flowJson" TEXT NOT NULL,
    "authorId" UUID,
    "authorEmail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FlowRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Template" (
    "id" UUID NOT NULL,
    "channelId" UUID NOT NULL,
    "externalId" TEXT,
    "name" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "rejectionReason" TEXT,
    "qualityScore" TEXT NOT NULL DEFAULT 'UNKNOWN',
    "components" JSONB NOT NULL DEFAULT '[]',
    "flowExternalIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastSyncedAt" TIMESTAMP(3),

    CONSTRAINT "Template_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessageSend" (
    "id" UUID NOT NULL,
    "channelId" UUID NOT NULL,
    "flowId" UUID,
    "templateId" UUID,
    "kind" "SendKind" NOT NULL,
    "recipient" TEXT NOT NULL,
    "umid" TEXT,
    "flowToken" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "statusDetail" TEXT,
    "errorCode" INTEGER,
    "errorMessage" TEXT,
    "isTest" BOOLEAN NOT NULL DEFAULT false,
    "sentById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MessageSend_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppSetting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "AppSetting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" UUID NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "headers" JSONB NOT NULL,
    "body" BYTEA NOT NULL,
    "ackMs" INTEGER NOT NULL,
    "eventType" TEXT,
    "result" "DeliveryResult" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "processedAt" TIMESTAMPTZ(3),
    "processingMs" INTEGER,
    "outcome" TEXT,
    "error" TEXT,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FlowResponse" (
    "id" UUID NOT NULL,
    "umid" TEXT NOT NULL,
    "deliveryId" UUID,
    "channelId" UUID,
    "channelExternalId" TEXT,
    "flowId" UUID,
    "attribution" "ResponseAttribution" NOT NULL,
    "tokenForged" BOOLEAN NOT NULL DEFAULT false,
    "sendId" UUID,
    "phone" TEXT NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "responseJson" JSONB NOT NULL,
    "flowToken" TEXT,
    "replyToUmid" TEXT,
    "assignedById" UUID,
    "assignedAt" TIMESTAMPTZ(3),

    CONSTRAINT "FlowResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboundEvent" (
    "id" UUID NOT NULL,
    "umid" TEXT NOT NULL,
    "deliveryId" UUID,
    "channelExternalId" TEXT,
    "phone" TEXT NOT NULL,
    "messageType" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "replyToUmid" TEXT,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "InboundEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountEvent" (
    "id" UUID NOT NULL,
    "eventId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "deliveryId" UUID,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "details" JSONB NOT NULL,

    CONSTRAINT "AccountEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SimFlow" (
    "id" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "categories" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "flowJson" TEXT,
    "validationErrors" JSONB NOT NULL DEFAULT '[]',
    "endpointUri" TEXT,
    "applicationId" TEXT,
    "assetToken" TEXT NOT NULL,
    "previewExpiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SimFlow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SimTemplate" (
    "id" UUID NOT NULL,
    "channelId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "rejectionReason" TEXT,
    "components" JSONB NOT NULL DEFAULT '[]',
    "flowIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "SimTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SimMessage" (
    "umid" UUID NOT NULL,
    "subAccountId" TEXT NOT NULL,
    "channelId" TEXT,
    "msisdn" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "flowId" TEXT,
    "flowToken" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SimMessage_pkey" PRIMARY KEY ("umid")
);

-- CreateTable
CREATE TABLE "SimConversation" (
    "channelId" TEXT NOT NULL,
    "msisdn" TEXT NOT NULL,
    "lastInboundAt" TIMESTAMP(3) NOT NULL,
    "alwaysOpen" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "SimConversation_pkey" PRIMARY KEY ("channelId","msisdn")
);

-- CreateTable
CREATE TABLE "SimFault" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "pathContains" TEXT NOT NULL DEFAULT '',
    "remaining" INTEGER NOT NULL,
    "delayMs" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SimFault_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SimRateWindow" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SimRateWindow_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateTable
CREATE TABLE "SimMedia" (
    "fileName" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SimMedia_pkey" PRIMARY KEY ("fileName")
);

-- CreateTable
CREATE TABLE "TemplateDeletion" (
    "id" UUID NOT NULL,
    "channelId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "deletedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedById" UUID,

    CONSTRAINT "TemplateDeletion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TemplateSyncState" (
    "channelId" UUID NOT NULL,
    "lastSyncedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TemplateSyncState_pkey" PRIMARY KEY ("channelId")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "AuditLog_objectType_objectId_idx" ON "AuditLog"("objectType", "objectId");

-- CreateIndex
CREATE INDEX "SignInAttempt_key_at_idx" ON "SignInAttempt"("key", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Channel_externalId_key" ON "Channel"("externalId");

-- CreateIndex
CREATE INDEX "Flow_channelId_status_idx" ON "Flow"("channelId", "status");

-- CreateIndex
CREATE INDEX "Flow_channelId_updatedAt_idx" ON "Flow"("channelId", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Flow_channelId_externalId_key" ON "Flow"("channelId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "FlowRevision_flowId_number_key" ON "FlowRevision"("flowId", "number");

-- CreateIndex
CREATE INDEX "Template_channelId_status_idx" ON "Template"("channelId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Template_channelId_name_language_key" ON "Template"("channelId", "name", "language");

-- CreateIndex
CREATE UNIQUE INDEX "MessageSend_umid_key" ON "MessageSend"("umid");

-- CreateIndex
CREATE INDEX "MessageSend_flowId_createdAt_idx" ON "MessageSend"("flowId", "createdAt");

-- CreateIndex
CREATE INDEX "MessageSend_flowToken_idx" ON "MessageSend"("flowToken");

-- CreateIndex
CREATE INDEX "WebhookDelivery_receivedAt_idx" ON "WebhookDelivery"("receivedAt" DESC);

-- CreateIndex
CREATE INDEX "WebhookDelivery_result_receivedAt_idx" ON "WebhookDelivery"("result", "receivedAt" DESC);

-- CreateIndex
CREATE INDEX "WebhookDelivery_eventType_receivedAt_idx" ON "WebhookDelivery"("eventType", "receivedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "FlowResponse_umid_key" ON "FlowResponse"("umid");

-- CreateIndex
CREATE INDEX "FlowResponse_flowId_submittedAt_id_idx" ON "FlowResponse"("flowId", "submittedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "FlowResponse_channelId_submittedAt_idx" ON "FlowResponse"("channelId", "submittedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "InboundEvent_umid_key" ON "InboundEvent"("umid");

-- CreateIndex
CREATE INDEX "InboundEvent_receivedAt_idx" ON "InboundEvent"("receivedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "AccountEvent_eventId_eventType_key" ON "AccountEvent"("eventId", "eventType");

-- CreateIndex
CREATE INDEX "SimFlow_channelId_createdAt_idx" ON "SimFlow"("channelId", "createdAt");

-- CreateIndex
CREATE INDEX "SimTemplate_channelId_name_idx" ON "SimTemplate"("channelId", "name");

-- CreateIndex
CREATE INDEX "SimMessage_subAccountId_createdAt_idx" ON "SimMessage"("subAccountId", "createdAt");

-- CreateIndex
CREATE INDEX "TemplateDeletion_channelId_name_idx" ON "TemplateDeletion"("channelId", "name");

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Flow" ADD CONSTRAINT "Flow_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Flow" ADD CONSTRAINT "Flow_previousVersionId_fkey" FOREIGN KEY ("previousVersionId") REFERENCES "Flow"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowRevision" ADD CONSTRAINT "FlowRevision_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Template" ADD CONSTRAINT "Template_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageSend" ADD CONSTRAINT "MessageSend_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageSend" ADD CONSTRAINT "MessageSend_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageSend" ADD CONSTRAINT "MessageSend_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "Template"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowResponse" ADD CONSTRAINT "FlowResponse_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowResponse" ADD CONSTRAINT "FlowResponse_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE SET NULL ON UPDATE CASCADE;

