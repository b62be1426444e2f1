import type { Metadata } from "next";
import Link from "next/link";
import { ChevronRight, Users, Webhook } from "lucide-react";
import { ApiCredentialsForm } from "@/components/settings/api-credentials-form";
import { ChannelsSection } from "@/components/settings/channels-section";
import { EndpointPublicKeyForm } from "@/components/settings/endpoint-public-key-form";
import { WebhookUrl } from "@/components/settings/webhook-url";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth";
import { listChannels } from "@/lib/channels";
import { appBaseUrl, resolveApiConfig } from "@/lib/eightbyeight";
import { getEnv } from "@/lib/env";
import { getStoredEndpointPublicKey } from "@/lib/flow-endpoint";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePageUser("settings.manage", "/settings");
  const [channels, config, endpointKey] = await Promise.all([
    listChannels(),
    resolveApiConfig(),
    getStoredEndpointPublicKey(),
  ]);
  const webhookUrl = `${appBaseUrl()}/api/webhooks/8x8?token=${encodeURIComponent(getEnv().WEBHOOK_TOKEN)}`;

  return (
    <>
      <PageHeader
        title="Settings"
        description="8x8 channels and API credentials, the webhook address to give 8x8, the flow data endpoint's key, and users."
      />
      <div className="space-y-10">
        <ChannelsSection
          channels={channels.map((c) => ({
            id: c.id,
            externalId: c.externalId,
            name: c.name,
            phoneNumber: c.phoneNumber,
            testNumbers: c.testNumbers,
            lastFlowSyncAt: c.lastFlowSyncAt?.toISOString() ?? null,
            lastSyncError: c.lastSyncError,
          }))}
        />

        <section aria-labelledby="api-heading" className="space-y-3">
          <div className="flex items-center gap-3">
            <h2 id="api-heading" className="text-lg font-semibold text-slate-900">
              8x8 API credentials
            </h2>
            {config.mode === "simulator" ? (
              <Badge tone="amber">Built-in simulator</Badge>
            ) : (
              <Badge tone="green">8x8 Chat Apps API</Badge>
            )}
          </div>
          <Card className="p-5">
            <ApiCredentialsForm
              view={{
                mode: config.mode,
                baseUrl: { value: config.baseUrl, fromEnv: config.sources.baseUrl === "env" },
                apiKeyLast4:
                  config.sources.apiKey === "settings" || config.sources.apiKey === "env"
                    ? (config.apiKey?.slice(-4) ?? null)
                    : null,
                apiKeyFromEnv: config.sources.apiKey === "env",
                apiKeyFromSimulator: config.sources.apiKey === "simulator",
                accountId: {
                  value: config.sources.accountId === "simulator" ? "" : (config.accountId ?? ""),
                  fromEnv: config.sources.accountId === "env",
                },
                subAccountId: {
                  value: config.sources.subAccountId === "simulator" ? "" : (config.subAccountId ?? ""),
                  fromEnv: config.sources.subAccountId === "env",
                },
              }}
            />
          </Card>
        </section>

        <section aria-labelledby="webhook-heading" className="space-y-3">
          <h2 id="webhook-heading" className="text-lg font-semibold text-slate-900">
            Webhook
          </h2>
          <Card className="space-y-3 p-5">
            <p className="text-sm text-slate-600">
              In 8x8 Connect › Messaging Apps › Webhooks, add this URL and select{" "}
              <code>inbound_message_received</code> (Flow submissions),{" "}
              <code>outbound_message_status_changed</code> and the template events. The token in it is your
              WEBHOOK_TOKEN: keep it private.
            </p>
            <WebhookUrl url={webhookUrl} />
          </Card>
        </section>

        <section aria-labelledby="endpoint-key-heading" className="space-y-3">
          <h2 id="endpoint-key-heading" className="text-lg font-semibold text-slate-900">
            Flow data endpoint
          </h2>
          <Card className="space-y-3 p-5">
            <p className="text-sm text-slate-600">
              Flows that fetch data (<code>data_exchange</code>) call your endpoint with the request encrypted
              under your business public key. The preview does the same when it calls the endpoint live.
            </p>
            {/* Remounts after a save or removal, so the text area shows what is stored. */}
            <EndpointPublicKeyForm key={endpointKey?.pem ?? "none"} stored={endpointKey} />
          </Card>
        </section>

        <section aria-labelledby="users-heading" className="space-y-3">
          <h2 id="users-heading" className="text-lg font-semibold text-slate-900">
            Users
          </h2>
          <Link href="/settings/users" className="block max-w-md">
            <Card className="hover:border-brand-500 flex items-center gap-4 p-5 transition hover:shadow">
              <Users className="text-brand-600 h-6 w-6" aria-hidden />
              <div className="flex-1">
                <div className="font-semibold text-slate-900">Users and roles</div>
                <p className="text-sm text-slate-600">
                  Invite people, set their role and log access, deactivate accounts.
                </p>
              </div>
              <ChevronRight className="h-5 w-5 text-slate-400" aria-hidden />
            </Card>
          </Link>
        </section>

        <section aria-labelledby="webhook-log-heading" className="space-y-3">
          <h2 id="webhook-log-heading" className="text-lg font-semibold text-slate-900">
            Webhook log
          </h2>
          <Link href="/settings/webhooks" className="block max-w-md">
            <Card className="hover:border-brand-500 flex items-center gap-4 p-5 transition hover:shadow">
              <Webhook className="text-brand-600 h-6 w-6" aria-hidden />
              <div className="flex-1">
                <div className="font-semibold text-slate-900">Webhook deliveries</div>
                <p className="text-sm text-slate-600">
                  What 8x8 posted, with result and timing; view and re-process dead letters.
                </p>
              </div>
              <ChevronRight className="h-5 w-5 text-slate-400" aria-hidden />
            </Card>
          </Link>
        </section>
      </div>
    </>
  );
}
