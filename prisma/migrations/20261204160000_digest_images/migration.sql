-- CreateTable
CREATE TABLE "DigestImage" (
    "id" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "encryptedToken" TEXT NOT NULL,
    "png" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DigestImage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DigestImage_deliveryId_key" ON "DigestImage"("deliveryId");

-- CreateIndex
CREATE UNIQUE INDEX "DigestImage_tokenHash_key" ON "DigestImage"("tokenHash");

-- CreateIndex
CREATE INDEX "DigestImage_expiresAt_idx" ON "DigestImage"("expiresAt");

-- AddForeignKey
ALTER TABLE "DigestImage" ADD CONSTRAINT "DigestImage_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "Delivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;


