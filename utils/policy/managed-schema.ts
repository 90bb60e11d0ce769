import schemaJson from '../../public/managed_schema.json';

/**
 * The managed-storage schema (public/managed_schema.json), the file Chrome
 * and Edge validate policies against, and a checker for the part of Chrome's
 * schema language it uses (type, properties, items, enum), so the policy
 * tool reports the same problems an administrator would see in
 * chrome://policy, with the exact path.
 */
export interface SchemaNode {
  type: 'object' | 'array' | 'string' | 'boolean' | 'integer' | 'number';
  title?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  enum?: (string | number)[];
}

export const MANAGED_SCHEMA = schemaJson as SchemaNode;

export function schemaErrors(value: unknown, node: SchemaNode = MANAGED_SCHEMA, path = ''): string[] {
  const at = path || '(policy)';
  const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  const expected = node.type === 'integer' ? 'number' : node.type;
  if (actual !== expected || (node.type === 'integer' && !Number.isInteger(value))) {
    return [`${at}: expected ${node.type}, found ${actual}`];
  }
  if (node.enum && !node.enum.includes(value as string))
    return [`${at}: ${JSON.stringify(value)} is not one of ${node.enum.join(', ')}`];
  if (node.type === 'array')
    return (value as unknown[]).flatMap((item, i) => schemaErrors(item, node.items!, `${path}[${i + 1}]`));
  if (node.type === 'object') {
    const properties = node.properties ?? {};
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) =>
      properties[key]
        ? schemaErrors(item, properties[key], path ? `${path}.${key}` : key)
        : [`${path ? `${path}.${key}` : key}: not a CallCheck setting`],
    );
  }
  return [];
}
