import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "@/lib/testing/database";
import { clearFailedSignIns, isSignInThrottled, recordFailedSignIn } from "./sign-in-throttle";

describe("sign-in throttling (PostgreSQL)", () => {
  beforeEach(resetDatabase);

  it("locks an account after 5 failures, whatever the IP, and a success clears it", async () => {
    for (let i = 0; i < 4; i++) await recordFailedSignIn("Victim@Example.com", `10.0.0.${i}`);
    expect(await isSignInThrottled("victim@example.com", "10.0.0.99")).toBe(false);
    await recordFailedSignIn("victim@example.com", "10.0.0.5");
    expect(await isSignInThrottled("victim@example.com", "10.0.0.99")).toBe(true);
    expect(await isSignInThrottled("someone-else@example.com", "10.0.0.99")).toBe(false);
    await clearFailedSignIns("victim@example.com");
    expect(await isSignInThrottled("victim@example.com", "10.0.0.99")).toBe(false);
  });

  it("locks an IP after 20 failures across accounts", async () => {
    for (let i = 0; i < 20; i++) await recordFailedSignIn(`user${i}@example.com`, "192.0.2.7");
    expect(await isSignInThrottled("fresh@example.com", "192.0.2.7")).toBe(true);
    expect(await isSignInThrottled("fresh@example.com", "192.0.2.8")).toBe(false);
  });
});
