/** A rule of the practice refused an action; `code` is stable and translated at the edges. */
export class DomainRuleError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Figures the translated text names (a limit, how many of how many); never personal data. */
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'DomainRuleError';
  }
}

/** Throws for one module's code union, so a misspelt code fails to compile. */
export type Refuser<Code extends string> = (
  code: Code,
  message: string,
  params?: Record<string, string | number>,
) => never;

/** Declare the result with an explicit `Refuser<…>` type: only then does TypeScript narrow after a call. */
export function refuserFor<Code extends string>(): Refuser<Code> {
  return (code, message, params) => {
    throw new DomainRuleError(code, message, params);
  };
}
