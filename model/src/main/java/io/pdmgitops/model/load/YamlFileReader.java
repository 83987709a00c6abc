package io.pdmgitops.model.load;

import io.pdmgitops.model.SourceLocation;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads the documents of one YAML file with SnakeYAML's safe composer: no object construction, no
 * custom types, bounded size, depth, aliases and document count.
 */
final class YamlFileReader {
  private final LoaderLimits limits;

  YamlFileReader(LoaderLimits limits) {
    this.limits = limits;
  }

  /** What one file gave: the documents read before any fault, and the fault. */
  record FileContent(List<YamlDocument> documents, List<Problem> problems) {
    FileContent {
      documents = List.copyOf(documents);
      problems = List.copyOf(problems);
    }
  }

  FileContent read(String file, Reader text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // YamlTreeBuilder reports duplicates with both positions
    options.setMaxAliasesForCollections(limits.maxAliases());
    options.setNestingDepthLimit(limits.maxNestingDepth());
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()));
    options.setAllowRecursiveKeys(false);
    options.setProcessComments(false);
    MarkTrackingParser parser =
        new MarkTrackingParser(new ParserImpl(new StreamReader(text), options));
    Composer composer = new Composer(parser, new Yaml12Resolver(), options);
    List<YamlDocument> documents = new ArrayList<>();
    try {
      int index = 0;
      while (composer.checkNode()) {
        if (index == limits.maxDocumentsPerFile()) {
          return new FileContent(
              documents,
              List.of(
                  problemAt(
                          file,
                          parser.lastMark(),
                          ProblemCategory.LIMIT,
                          "more than " + limits.maxDocumentsPerFile() + " documents in one file")
                      .withHint("split the file; the loader reads every *.yaml under the root")));
        }
        Node node = composer.getNode();
        documents.add(new YamlTreeBuilder(file, limits).build(index++, node));
      }
      return new FileContent(documents, List.of());
    } catch (YamlProblem e) {
      return new FileContent(documents, List.of(e.problem()));
    } catch (MarkedYAMLException e) {
      return new FileContent(documents, List.of(syntaxProblem(file, e)));
    } catch (YAMLException e) {
      // Limits SnakeYAML enforces itself (aliases, depth, size) come without a position.
      return new FileContent(
          documents,
          List.of(
              problemAt(file, parser.lastMark(), ProblemCategory.LIMIT, limitMessage(e))
                  .withHint(
                      "desired state is small and shallow; anchors and aliases are bounded to"
                          + " keep a bad commit from exhausting the controller")));
    } catch (RuntimeException e) {
      // A bug, ours or SnakeYAML's, on odd text: this file's problem, not the end of the load.
      SourceLocation at = locationOf(file, parser.lastMark());
      return new FileContent(
          documents,
          List.of(Problem.internalError(ProblemCategory.SYNTAX, at, "reading the YAML", e)));
    }
  }

  private static Problem syntaxProblem(String file, MarkedYAMLException e) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    // SnakeYAML's words can quote the text (an alias name, a character); a long one is cut.
    String problem =
        e.getProblem() == null ? "malformed YAML" : ShownValue.cut(e.getProblem(), 200);
    if (problem.contains("\\t(TAB)")) {
      problem = "a tab character cannot indent YAML";
    }
    if (problem.startsWith("Global tag is not allowed: ")) {
      // SnakeYAML's tag inspector refuses Java type tags before anything is built.
      String tag = problem.substring(problem.indexOf(':') + 2).replace(Tag.PREFIX, "!!");
      return problemAt(file, mark, ProblemCategory.SYNTAX, "unsupported YAML tag " + tag)
          .withHint(YamlTreeBuilder.UNSUPPORTED_TAG_HINT);
    }
    StringBuilder message = new StringBuilder(problem);
    if (e.getContext() != null && e.getContextMark() != null && mark != e.getContextMark()) {
      message
          .append(" (")
          .append(e.getContext())
          .append(" at line ")
          .append(e.getContextMark().getLine() + 1)
          .append(")");
    }
    Problem result = problemAt(file, mark, ProblemCategory.SYNTAX, message.toString());
    String hint = syntaxHint(problem + " " + e.getContext());
    return hint == null ? result : result.withHint(hint);
  }

  private static String syntaxHint(String problem) {
    String p = problem.toLowerCase(Locale.ROOT);
    if (p.contains("\\t") || p.contains("tab")) {
      return "YAML indents with spaces, never tabs";
    }
    if (p.contains("mapping values are not allowed")) {
      return "check the indentation of this line, and quote values that contain ': '";
    }
    if (p.contains("could not find expected ':'")) {
      return "each line of a mapping needs 'key: value'; check the line above";
    }
    if (p.contains("found undefined alias")) {
      return "define the anchor (&name) before using the alias (*name)";
    }
    if (p.contains("quoted scalar")) {
      return "a quote is not closed: end the value with the same quote it starts with";
    }
    if (p.contains("expected <block end>")) {
      return "this line is indented differently from its siblings";
    }
    return null;
  }

  private String limitMessage(YAMLException e) {
    String text = e.getMessage() == null ? "" : e.getMessage();
    if (e instanceof ReaderException reader) {
      return String.format(
          Locale.ROOT,
          "the file contains the character U+%04X, which YAML does not allow",
          reader.getCodePoint());
    }
    if (text.contains("aliases")) {
      return "more than " + limits.maxAliases() + " aliases (*name) to mappings or lists";
    }
    if (text.contains("Nesting Depth")) {
      return "nesting deeper than " + limits.maxNestingDepth() + " levels";
    }
    if (text.contains("code points")) {
      return "the file is larger than " + limits.maxFileBytes() + " bytes";
    }
    if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
      return "the file is not valid UTF-8";
    }
    return "YAML limit exceeded: " + text;
  }

  private static Problem problemAt(
      String file, Mark mark, ProblemCategory category, String message) {
    return Problem.error(category, locationOf(file, mark), message);
  }

  private static SourceLocation locationOf(String file, Mark mark) {
    return mark == null
        ? SourceLocation.startOf(file)
        : new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
  }
}
