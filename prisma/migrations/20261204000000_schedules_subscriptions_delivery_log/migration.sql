-- AlterTable
ALTER TABLE "Chart" ADD COLUMN     "refreshCron" TEXT,
ADD COLUMN     "refreshIntervalMinutes" INTEGER,
ADD COLUMN     "refreshTimezone" TEXT;

-- AlterTable
ALTER TABLE "Dashboard" ADD COLUMN     "refreshCron" TEXT,
ADD COLUMN     "refreshTimezone" TEXT NOT NULL DEFAULT 'UTC';

-- AlterTable
ALTER TABLE "RefreshRun" ADD COLUMN     "attempt" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "durationMs" INTEGER;

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "attachCsv" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "attachPdf" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "encryptedSlackWebhook" TEXT,
ADD COLUMN     "filterValues" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "includeImage" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "recipientUserIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "subjectTemplate" TEXT;

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "leaseUntil" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SubscriptionOptOut" (
    "id" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubscriptionOptOut_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeliveryEvent" (
    "id" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "deliveryId" TEXT,
    "kind" TEXT NOT NULL,
    "recipient" TEXT,
    "detail" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeliveryEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SubscriptionOptOut_subscriptionId_email_key" ON "SubscriptionOptOut"("subscriptionId", "email");

-- CreateIndex
CREATE INDEX "DeliveryEvent_subscriptionId_createdAt_idx" ON "DeliveryEvent"("subscriptionId", "createdAt");

-- AddForeignKey
ALTER TABLE "SubscriptionOptOut" ADD CONSTRAINT "SubscriptionOptOut_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryEvent" ADD CONSTRAINT "DeliveryEvent_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryEvent" ADD CONSTRAINT "DeliveryEvent_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "Delivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

