package io.pdmgitops.controller.cli;

import io.pdmgitops.model.load.LoadResult;
import io.pdmgitops.model.load.Problem;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON form of {@code validate}'s report, for CI tools and editors. */
final class JsonReport {
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private JsonReport() {}

  static String render(String directory, LoadResult result) {
    ObjectNode root = JSON.createObjectNode();
    root.put("directory", directory);
    root.put("valid", result.isValid());
    root.put("files", result.files());
    root.put("documents", result.documents());
    root.put("objects", result.state().map(s -> s.size()).orElse(0));
    root.put("errors", result.errorCount());
    root.put("warnings", result.warningCount());
    root.put("omittedProblems", result.omittedProblems());
    ArrayNode problems = root.putArray("problems");
    String prefix = ValidateCommand.prefix(directory);
    for (Problem p : result.problems()) {
      ObjectNode node = problems.addObject();
      node.put("file", prefix + p.location().file());
      node.put("line", p.location().line());
      node.put("column", p.location().column());
      node.put("severity", p.severity().label());
      node.put("category", p.category().name().toLowerCase(java.util.Locale.ROOT));
      p.object().ifPresent(o -> node.put("object", o));
      p.field().ifPresent(f -> node.put("field", f));
      node.put("message", p.message());
      p.hint().ifPresent(h -> node.put("hint", h));
    }
    return JSON.writeValueAsString(root);
  }
}
