import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { newFlowId, newToken, validationErrorsFor } from "./flows";

/**
 * Demo content for the simulator: two channels and flows in every status, built from the example corpus,
 * and templates (one APPROVED template opens a published flow, so that flow cannot be deleted).
 */
export const DEMO_CHANNELS = [
  {
    externalId: "ec36a867-3dd4-e911-814a-02d85f55fce8",
    name: "Acme Health",
    phoneNumber: "+15550100100",
    testNumbers: ["+15550100001", "+15550100002"],
  },
  {
    externalId: "8e4d1303-5754-e911-8154-020897df5459",
    name: "Acme Retail",
    phoneNumber: "+15550100200",
    testNumbers: ["+15550100001"],
  },
] as const;

type DemoFlow = {
  channel: 0 | 1;
  key: string;
  name: string;
  file: string;
  status: "DRAFT" | "PUBLISHED" | "DEPRECATED";
  categories: string[];
  daysAgo: number;
};

const CORPUS = path.join(process.cwd(), "lib", "examples", "corpus");

const DEMO_FLOWS: DemoFlow[] = [
  {
    channel: 0,
    key: "healthcare",
    name: "Healthcare appointment",
    file: "seed-examples/healthcare-appointment.json",
    status: "PUBLISHED",
    categories: ["APPOINTMENT_BOOKING"],
    daysAgo: 40,
  },
  {
    channel: 0,
    key: "booking",
    name: "Appointment booking",
    file: "seed-examples/flows-api-appointment-booking.json",
    status: "PUBLISHED",
    categories: ["APPOINTMENT_BOOKING"],
    daysAgo: 21,
  },
  {
    channel: 0,
    key: "lead",
    name: "Lead generation (2024)",
    file: "seed-examples/cpaas-lead-generation.json",
    status: "DEPRECATED",
    categories: ["LEAD_GENERATION"],
    daysAgo: 90,
  },
  {
    channel: 0,
    key: "returns",
    name: "Product return & exchange",
    file: "seed-examples/retail-product-return-exchange.json",
    status: "DRAFT",
    categories: ["CUSTOMER_SUPPORT"],
    daysAgo: 3,
  },
  {
    channel: 0,
    key: "services",
    name: "Service appointment booking",
    file: "seed-examples/professional-services-appointment-booking.json",
    status: "DRAFT",
    categories: ["APPOINTMENT_BOOKING"],
    daysAgo: 2,
  },
  {
    channel: 0,
    key: "contact",
    name: "Contact preferences",
    file: "seed-examples/component-reference-contact-preferences.json",
    status: "DRAFT",
    categories: ["CONTACT_US"],
    daysAgo: 1,
  },
  {
    channel: 0,
    key: "hello",
    name: "Hello World",
    file: "seed-examples/hello-world-create-flow.json",
    status: "DRAFT",
    categories: ["OTHER"],
    daysAgo: 0,
  },
  {
    channel: 1,
    key: "chips",
    name: "Interests picker",
    file: "meta-examples/pywa-6.3-chips-selector.json",
    status: "PUBLISHED",
    categories: ["SIGN_UP"],
    daysAgo: 30,
  },
  {
    channel: 1,
    key: "calendar",
    name: "Stay dates (2024)",
    file: "meta-examples/pywa-6.1-calendar-picker-range.json",
    status: "DEPRECATED",
    categories: ["APPOINTMENT_BOOKING"],
    daysAgo: 120,
  },
  {
    channel: 1,
    key: "carousel",
    name: "Product carousel",
    file: "meta-examples/pywa-7.1-image-carousel.json",
    status: "DRAFT",
    categories: ["OTHER"],
    daysAgo: 5,
  },
  {
    channel: 1,
    key: "survey",
    name: "Customer satisfaction survey",
    file: "meta-examples/pywa-2.1-customer-satisfaction-survey.json",
    status: "DRAFT",
    categories: ["SURVEY"],
    daysAgo: 4,
  },
];

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000 - 3_600_000);

/** Seeds once: does nothing when the simulator already has flows on the demo channels. */
export async function seedSimulatorDemo(db: PrismaClient): Promise<{ seeded: boolean }> {
  const existing = await db.simFlow.count({
    where: { channelId: { in: DEMO_CHANNELS.map((c) => c.externalId) } },
  });
  if (existing > 0) return { seeded: false };

  const ids = new Map<string, string>();
  for (const demo of DEMO_FLOWS) {
    const flowJson = readFileSync(path.join(CORPUS, demo.file), "utf8");
    const id = newFlowId();
    ids.set(demo.key, id);
    const validationErrors = validationErrorsFor(flowJson, null);
    // Only a clean flow can have been published; a corpus file that no longer validates stays a draft.
    const status = validationErrors.length > 0 ? "DRAFT" : demo.status;
    await db.simFlow.create({
      data: {
        id,
        channelId: DEMO_CHANNELS[demo.channel].externalId,
        name: demo.name,
        categories: demo.categories,
        status,
        flowJson,
        validationErrors,
        assetToken: newToken(),
        createdAt: daysAgo(demo.daysAgo + 2),
        updatedAt: daysAgo(demo.daysAgo),
      },
    });
  }

  const [health, retail] = DEMO_CHANNELS.map((c) => c.externalId) as [string, string];
  const flowButton = (text: string, key: string) => ({
    type: "BUTTONS",
    buttons: [{ type: "FLOW", text, flowId: ids.get(key)! }],
  });
  const templates = [
    {
      channelId: health,
      name: "appointment_reminder",
      language: "en_US",
      category: "UTILITY",
      status: "APPROVED",
      components: [
        {
          type: "BODY",
          text: "Hi {{1}}, your appointment is coming up. Need to reschedule?",
          examples: ["John"],
        },
        flowButton("Reschedule", "healthcare"),
      ],
      flowIds: [ids.get("healthcare")!],
    },
    {
      channelId: health,
      name: "book_a_visit",
      language: "en_US",
      category: "UTILITY",
      status: "APPROVED",
      components: [
        { type: "BODY", text: "Book your next visit in a few taps." },
        flowButton("Book now", "booking"),
      ],
      flowIds: [ids.get("booking")!],
    },
    {
      // Rejected by review, yet it still names a draft: that draft cannot be deleted until the template goes.
      channelId: health,
      name: "returns_help",
      language: "en_US",
      category: "UTILITY",
      status: "REJECTED",
      rejectionReason: "INCORRECT_CATEGORY",
      components: [
        { type: "BODY", text: "Start a return or exchange, 20% off your next order!" },
        flowButton("Start return", "returns"),
      ],
      flowIds: [ids.get("returns")!],
    },
    {
      channelId: retail,
      name: "spring_interests",
      language: "en_US",
      category: "MARKETING",
      status: "APPROVED",
      components: [
        { type: "BODY", text: "Tell us what you like and get offers that fit." },
        flowButton("Pick interests", "chips"),
      ],
      flowIds: [ids.get("chips")!],
    },
  ];
  for (const template of templates) {
    await db.simTemplate.create({ data: { ...template, createdAt: daysAgo(10), updatedAt: daysAgo(9) } });
  }
  // Demo test numbers can receive interactive messages at once (the 24-hour window is pinned open).
  for (const channel of DEMO_CHANNELS) {
    for (const msisdn of channel.testNumbers) {
      await db.simConversation.create({
        data: { channelId: channel.externalId, msisdn, lastInboundAt: new Date(), alwaysOpen: true },
      });
    }
  }
  return { seeded: true };
}
