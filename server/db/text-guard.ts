/// The database end of the control-character rule (lib/text/controls.ts): a Kysely plugin that
/// checks every string value a query sends, on SQLite and PostgreSQL alike. Inputs are checked
/// where they come in (request bodies, forms, files, arguments: a 400 naming the character and
/// the field); this is the net under them, so that no path, present or future, stores NUL or a
/// terminal escape on SQLite or gets PostgreSQL's "invalid byte sequence" error: such a value
/// throws ControlCharacterError before the query runs.
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

function check(value: unknown) {
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
