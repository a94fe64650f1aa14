/// The database end of the control-character rule (lib/text/controls.ts): a Kysely plugin that
/// checks every string value a query sends, on SQLite and PostgreSQL alike. Inputs are checked
/// where they come in (request bodies, forms, files, arguments: a 400 naming the character and
/// the field); this is the net under them, so that no path, present or future, stores NUL or a
/// terminal escape on SQLite or gets PostgreSQL's "invalid byte sequence" error: such a value
/// throws ControlCharacterError before the query runs. Likewise a number no column can hold
/// (every numeric column is a 32-bit integer) throws ValueOutOfRangeError instead of
/// PostgreSQL's "out of range" (SQLite would store it).
import "server-only";
import {
  OperationNodeTransformer,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type PrimitiveValueListNode,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  type ValueNode,
} from "kysely";
import { findControlCharacter } from "../../lib/text/controls";
import { ControlCharacterError } from "../../lib/text/decode";

/// Raised for a number no column can hold: every numeric column is a 32-bit integer.
export class ValueOutOfRangeError extends Error {
  constructor(readonly value: number) {
    super(`${value} is not a whole number the database can store`);
    this.name = "ValueOutOfRangeError";
  }
}

function check(value: unknown) {
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < -(2 ** 31) || value > 2 ** 31 - 1) throw new ValueOutOfRangeError(value);
    return;
  }
  if (typeof value !== "string") return;
  const at = findControlCharacter(value);
  if (at) throw new ControlCharacterError("a value sent to the database", at);
}

class Checker extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    check(node.value);
    return super.transformValue(node);
  }

  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    node.values.forEach(check);
    return super.transformPrimitiveValueList(node);
  }
}

/// Refuses, with ControlCharacterError, any query whose values hold a refused control character.
export class RefuseControlCharacters implements KyselyPlugin {
  private checker = new Checker();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.checker.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
