"use client";
import { useMemo } from "react";
import { validateFlowJson, type ValidationResult } from "@/lib/flow-json";
import { useDebouncedValue } from "./use-debounced-value";

const VALIDATE_DELAY_MS = 250;

/** The validator's result for the text once typing pauses; `pending` while it lags behind. */
export function useLiveValidation(
  text: string,
  hasEndpoint: boolean,
): { validation: ValidationResult; validatedText: string; pending: boolean } {
  const validatedText = useDebouncedValue(text, VALIDATE_DELAY_MS);
  const validation = useMemo(
    () => validateFlowJson(validatedText, { hasEndpoint }),
    [validatedText, hasEndpoint],
  );
  return { validation, validatedText, pending: validatedText !== text };
}
