package io.pdmgitops.model.load;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Resolves plain scalars by the YAML 1.2 core schema instead of SnakeYAML's YAML 1.1 default, so
 * {@code on}, {@code no} or {@code NO} (the Norway problem) stay strings and unquoted timestamps
 * are not turned into dates.
 */
final class Yaml12Resolver extends Resolver {
  static final Pattern BOOL = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
  static final Pattern INT = Pattern.compile("^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$");
  static final Pattern FLOAT =
      Pattern.compile(
          "^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
              + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
  static final Pattern NULL = Pattern.compile("^(?:~|null|Null|NULL)$");
  static final Pattern EMPTY = Pattern.compile("^$");
  static final Pattern MERGE_KEY = Pattern.compile("^(?:<<)$");

  @Override
  protected void addImplicitResolvers() {
    addImplicitResolver(Tag.BOOL, BOOL, "tTfF");
    addImplicitResolver(Tag.INT, INT, "-+0123456789");
    addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
    addImplicitResolver(Tag.NULL, NULL, "~nN");
    addImplicitResolver(Tag.NULL, EMPTY, null);
    addImplicitResolver(Tag.MERGE, MERGE_KEY, "<");
  }
}
