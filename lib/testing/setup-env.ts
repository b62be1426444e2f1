// Vitest setup: test values for the secrets lib/env requires, unless the run provides its own.
process.env.NEXTAUTH_SECRET ||= "test-nextauth-secret-0123456789abcdef0123";
process.env.WEBHOOK_TOKEN ||= "test-webhook-token-0123456789";
process.env.FLOWPORT_ENCRYPTION_KEY ||= Buffer.alloc(32, 7).toString("base64");
process.env.FLOWPORT_DEMO ||= "1";
