// Live calls to a Flow's data endpoint (spec flow-json-reference §12). Server only.
export { callFlowEndpoint, FlowEndpointError, type FlowEndpointCall } from "./call-endpoint";
export {
  resolveEndpointPublicKey,
  getStoredEndpointPublicKey,
  saveEndpointPublicKey,
  endpointPublicKeyPemSchema,
  ENDPOINT_PUBLIC_KEY_SETTING,
  type StoredEndpointPublicKey,
} from "./public-key";
export {
  encryptRequest,
  decryptResponse,
  decryptRequest,
  encryptResponse,
  parsePublicKey,
  EndpointCryptoError,
} from "./crypto";
export type { EncryptedRequest, ExchangeKey } from "./crypto";
