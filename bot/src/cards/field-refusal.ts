/**
 * A refused submission shown on the card it came from: each refused input gets its message in an attention
 * container right under it (as the development-discussion cards show theirs, templates/discussion-step.json),
 * and every input keeps what the person typed, so nothing they wrote is lost while they correct one field.
 */
import type { AdaptiveCard } from './card-rendering';

type Json = Record<string, unknown>;

const isInput = (node: unknown): node is Json =>
  typeof node === 'object' &&
  node !== null &&
  typeof (node as Json).type === 'string' &&
  String((node as Json).type).startsWith('Input.');

function errorBelow(message: string): Json {
  return {
    type: 'Container',
    spacing: 'None',
    style: 'attention',
    items: [{ type: 'TextBlock', text: message, size: 'Small', wrap: true }],
  };
}

/** The value an input shows for what was sent (Input.Number takes a number, the others text). */
function sentValue(input: Json, sent: unknown): unknown {
  if (input.type === 'Input.Number') {
    const number = typeof sent === 'number' ? sent : Number(sent);
    return typeof sent !== 'boolean' && sent !== '' && Number.isFinite(number) ? number : undefined;
  }
  return typeof sent === 'string' ? sent : undefined;
}

/**
 * The card with `message` under each input named in `fields` and the sent values in its inputs, or null
 * when the card has no input of one of those names (then the caller says it another way).
 */
export function withFieldRefusal(
  card: AdaptiveCard,
  fields: readonly string[],
  message: string,
  sent: Record<string, unknown>,
): AdaptiveCard | null {
  const copy = structuredClone(card) as Json;
  const marked = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index += 1) {
        const item: unknown = node[index];
        if (isInput(item) && typeof item.id === 'string') {
          if (Object.hasOwn(sent, item.id)) {
            const value = sentValue(item, sent[item.id]);
            if (value !== undefined) item.value = value;
          }
          if (fields.includes(item.id) && !marked.has(item.id)) {
            marked.add(item.id);
            node.splice(index + 1, 0, errorBelow(message));
            index += 1;
          }
        } else visit(item);
      }
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) if (key !== 'actions') visit(value);
    }
  };
  visit(copy);
  return fields.every((field) => marked.has(field)) ? copy : null;
}
