import { describe, expect, it } from "vitest";
import { mintFlowToken, verifyFlowToken } from "./flow-token";

const flowId = "3f2a8c1e-5b4d-4e6f-8a9b-0c1d2e3f4a5b";
const sendId = "9e09ac86-bd74-4465-851d-1eb5a5fdbb9a";

describe("flow_token", () => {
  it("round-trips the flow and send ids in a short token", () => {
    const token = mintFlowToken({ flowId, sendId });
    expect(token.length).toBeLessThan(100);
    expect(verifyFlowToken(token)).toEqual({ flowId, sendId });
    expect(verifyFlowToken(mintFlowToken({ flowId }))).toEqual({ flowId, sendId: null });
  });

  it.each([
    ["a changed signature", (t: string) => t.slice(0, -2) + (t.endsWith("AA") ? "BB" : "AA")],
    [
      "another flow id under the old signature",
      (t: string) => t.replace(/^fp1\.[^.]+/, `fp1.${Buffer.alloc(16, 1).toString("base64url")}`),
    ],
    ["a missing part", (t: string) => t.split(".").slice(0, 3).join(".")],
    ["a dropped send id", (t: string) => t.replace(/^(fp1\.[^.]+\.)[^.]+/, "$1")],
  ])("recognises %s as forged", (_name, tamper) => {
    expect(verifyFlowToken(tamper(mintFlowToken({ flowId, sendId })))).toEqual({ forged: true });
  });

  it("ignores tokens that are not ours (8x8 samples, other systems)", () => {
    expect(verifyFlowToken("<FLOW_TOKEN>")).toBeNull();
    expect(verifyFlowToken("unused")).toBeNull();
  });

  it("refuses to mint from something that is not a uuid", () => {
    expect(() => mintFlowToken({ flowId: "flow-1" })).toThrow("Not a uuid");
  });
});
