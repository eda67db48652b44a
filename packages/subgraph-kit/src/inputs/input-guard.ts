import { ErrorCode, graphqlError } from '@egov/core';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  defaultFieldResolver,
  type GraphQLError,
  type GraphQLFieldConfigArgumentMap,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLScalarType,
  type GraphQLSchema,
  Kind,
} from 'graphql';
import { SINGLE_LINE, type TextRule, TOKEN, textProblem } from './text-rules.js';

/**
 * Rules for particular strings, by schema coordinate: `Query.application(number:)` for an argument,
 * `DecideApplicationInput.note` for an input field, `Application.number` for an entity's key field as it
 * arrives in an `_entities` representation. Every other String or ID gets its type's default.
 */
export type InputRules = Record<string, TextRule>;

type Check = (value: unknown, path: string) => void;

/*
 * Types are told apart by their tag (graphql-js names each class with Symbol.toStringTag), not with
 * `instanceof`: a schema built by another copy of graphql (a test runner's ES build beside the CommonJS
 * one the server libraries load) must be guarded all the same.
 */
const tagOf = (type: unknown) => (type as { [Symbol.toStringTag]?: string } | undefined)?.[Symbol.toStringTag];
const isNonNull = (type: unknown): type is { ofType: GraphQLInputType } => tagOf(type) === 'GraphQLNonNull';
const isList = (type: unknown): type is { ofType: GraphQLInputType } => tagOf(type) === 'GraphQLList';
const isScalar = (type: unknown): type is GraphQLScalarType => tagOf(type) === 'GraphQLScalarType';
const isInputObject = (type: unknown): type is GraphQLInputObjectType => tagOf(type) === 'GraphQLInputObjectType';
const isObject = (type: unknown): type is GraphQLObjectType => tagOf(type) === 'GraphQLObjectType';
function namedTypeOf(type: unknown): GraphQLNamedType {
  let named = type as { ofType?: unknown };
  while (isNonNull(named) || isList(named)) named = named.ofType as { ofType?: unknown };
  return named as GraphQLNamedType;
}

function refuse(path: string, problem: string): GraphQLError {
  return graphqlError(ErrorCode.BAD_USER_INPUT, `\`${path}\` ${problem}`, { field: path });
}

const defaultRule = (typeName: string): TextRule => (typeName === 'ID' ? TOKEN : SINGLE_LINE);

/**
 * Checks every string a client sends to this subgraph (arguments, fields of input objects, however deep,
 * and the keys of `_entities` representations) before any resolver runs, so a control character, a lone
 * surrogate, a megabyte of text or a path where an id belongs is a typed BAD_USER_INPUT, never a database
 * error. Unknown coordinates in `rules` fail at start: a rule that names nothing protects nothing.
 */
export function guardInputs(schema: GraphQLSchema, rules: InputRules = {}): GraphQLSchema {
  const used = new Set<string>();
  const ruleFor = (coordinate: string, typeName: string) => {
    const rule = rules[coordinate];
    if (rule) used.add(coordinate);
    return rule ?? defaultRule(typeName);
  };
  const inputChecks = new Map<string, Map<string, Check>>();

  function checkOf(type: GraphQLInputType, coordinate: string): Check | null {
    if (isNonNull(type)) return checkOf(type.ofType, coordinate);
    if (isList(type)) {
      const item = checkOf(type.ofType, coordinate);
      return item && ((value, path) => Array.isArray(value) && value.forEach((v, i) => item(v, `${path}.${i}`)));
    }
    if (isScalar(type)) {
      if (type.name !== 'String' && type.name !== 'ID') return null; // our scalars (IIN, Date ...) parse themselves
      const rule = ruleFor(coordinate, type.name);
      return (value, path) => {
        if (typeof value !== 'string') return;
        const problem = textProblem(value, rule);
        if (problem) throw refuse(path, problem);
      };
    }
    if (isInputObject(type)) {
      let fields = inputChecks.get(type.name);
      if (!fields) {
        fields = new Map();
        inputChecks.set(type.name, fields); // before recursing: input types may refer to themselves
        for (const field of Object.values(type.getFields())) {
          const check = checkOf(field.type, `${type.name}.${field.name}`);
          if (check) fields.set(field.name, check);
        }
      }
      const checks = fields;
      return (value, path) => {
        if (value === null || typeof value !== 'object') return;
        for (const [name, check] of checks) check((value as Record<string, unknown>)[name], `${path}.${name}`);
      };
    }
    return null;
  }

  const argumentChecks = (typeName: string, fieldName: string, args: GraphQLFieldConfigArgumentMap) =>
    Object.entries(args).flatMap(([name, arg]) => {
      const check = checkOf(arg.type, `${typeName}.${fieldName}(${name}:)`);
      return check ? [[name, check] as const] : [];
    });

  const guarded = mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => {
      const resolve = field.resolve ?? defaultFieldResolver;
      if (typeName === schema.getQueryType()?.name && fieldName === '_entities') {
        return { ...field, resolve: (parent, args, context, info) => resolve(parent, checkedRepresentations(args, info.schema, ruleFor), context, info) };
      }
      const checks = argumentChecks(typeName, fieldName, field.args ?? {});
      if (checks.length === 0) return field;
      return {
        ...field,
        resolve: (parent, args, context, info) => {
          for (const [name, check] of checks) check(args[name], name);
          return resolve(parent, args, context, info);
        },
      };
    },
  });
  // The entity key coordinates are only looked up per request; name them here so a typo still fails at start.
  for (const coordinate of Object.keys(rules)) if (!used.has(coordinate) && !entityKeyExists(guarded, coordinate)) unknownCoordinate(coordinate);
  return guarded;
}

/** The field sets of a type's @key directives (top-level fields; our keys are single fields). */
function keyFieldsOf(type: GraphQLObjectType): string[][] {
  const nodes = [type.astNode, ...(type.extensionASTNodes ?? [])];
  return nodes.flatMap((node) =>
    (node?.directives ?? [])
      .filter((directive) => directive.name.value === 'key')
      .flatMap((directive) => {
        const fields = directive.arguments?.find((arg) => arg.name.value === 'fields')?.value;
        return fields?.kind === Kind.STRING
          ? [
              fields.value
                .replace(/\{[^}]*\}/g, ' ')
                .split(/\s+/)
                .filter(Boolean),
            ]
          : [];
      }),
  );
}

function unknownCoordinate(coordinate: string): never {
  throw new Error(`Input rule for ${coordinate}: no such argument, input field or entity field in the schema`);
}

function entityKeyExists(schema: GraphQLSchema, coordinate: string): boolean {
  const match = /^(\w+)\.(\w+)$/.exec(coordinate);
  const type = match ? schema.getType(match[1]!) : undefined;
  return !!match && isObject(type) && match[2]! in type.getFields();
}

/**
 * `_entities(representations:)` takes any JSON (`_Any`): each representation must name an object type
 * of this schema and carry only that type's fields, each valid for the field's type — an IIN key is
 * checked by the IIN scalar, a String key by its rule — before any __resolveReference sees it.
 */
function checkedRepresentations(args: Record<string, unknown>, schema: GraphQLSchema, ruleFor: (coordinate: string, typeName: string) => TextRule) {
  const representations = args.representations;
  if (!Array.isArray(representations)) throw refuse('representations', 'must be a list of objects');
  representations.forEach((representation: unknown, i) => {
    const path = `representations.${i}`;
    if (representation === null || typeof representation !== 'object' || Array.isArray(representation)) throw refuse(path, 'must be an object');
    const { __typename, ...keys } = representation as Record<string, unknown>;
    const type = typeof __typename === 'string' ? schema.getType(__typename) : undefined;
    if (!isObject(type)) throw refuse(`${path}.__typename`, 'must name an entity type of this service');
    const keySets = keyFieldsOf(type);
    if (keySets.length > 0 && !keySets.some((set) => set.every((field) => keys[field] !== undefined && keys[field] !== null)))
      throw refuse(path, `must carry the key of ${type.name} (${keySets.map((set) => set.join(' ')).join(' or ')})`);
    for (const [key, value] of Object.entries(keys)) {
      const field = type.getFields()[key];
      if (!field) throw refuse(`${path}.${key}`, `is not a field of ${type.name}`);
      const named = namedTypeOf(field.type);
      if (!isScalar(named)) continue;
      if (named.name === 'String' || named.name === 'ID') {
        if (typeof value !== 'string') throw refuse(`${path}.${key}`, 'must be a string');
        const problem = textProblem(value, ruleFor(`${type.name}.${key}`, named.name));
        if (problem) throw refuse(`${path}.${key}`, problem);
        continue;
      }
      try {
        named.parseValue(value); // the scalar's own typed refusal (INVALID_IIN ...)
      } catch (error) {
        if (typeof (error as GraphQLError).extensions?.code === 'string') throw error;
        throw refuse(`${path}.${key}`, `is not a valid ${named.name}`);
      }
    }
  });
  return args;
}
