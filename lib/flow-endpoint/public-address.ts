import "server-only";
import { lookup as lookupAll } from "node:dns/promises";
import { BlockList, type LookupFunction } from "node:net";
import { Agent } from "undici";

// A tester may type any URL: refuse ones that resolve into our own network, so this call cannot probe it.
const PRIVATE_RANGES = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
] as const) {
  PRIVATE_RANGES.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 127],
  ["fc00::", 7],
  ["fe80::", 10],
  ["::ffff:0:0", 96],
] as const) {
  PRIVATE_RANGES.addSubnet(network, prefix, "ipv6");
}

export class NotPublicAddressError extends Error {
  override name = "NotPublicAddressError";
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`${host} resolves to the private address ${address}.`);
  }
}

type Resolved = { address: string; family: number };

function firstPrivate(addresses: Resolved[]): Resolved | undefined {
  return addresses.find(({ address, family }) =>
    PRIVATE_RANGES.check(address, family === 6 ? "ipv6" : "ipv4"),
  );
}

/** Refuses a URL whose host is, or resolves to, a private or loopback address (a name that does not resolve passes: the call fails on its own). */
export async function refusePrivateAddresses(url: URL): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const internal = firstPrivate(await lookupAll(host, { all: true }).catch(() => []));
  if (internal) throw new NotPublicAddressError(url.host, internal.address);
}

/** dns.lookup for sockets, failing when any address of the name is private: the check and the connection use the same answer. */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  lookupAll(hostname, { family: options.family, hints: options.hints, all: true }).then(
    (addresses) => {
      const internal = firstPrivate(addresses);
      if (internal) {
        callback(
          Object.assign(new NotPublicAddressError(hostname, internal.address), { code: "ENOTPUBLIC" }),
          "",
        );
      } else if (options.all) {
        callback(null, addresses);
      } else {
        callback(null, addresses[0]!.address, addresses[0]!.family);
      }
    },
    (error: NodeJS.ErrnoException) => callback(error, ""),
  );
};

/** The dispatcher for calls to endpoints typed by users. */
export const publicOnlyDispatcher = new Agent({ connect: { lookup: publicOnlyLookup } });
