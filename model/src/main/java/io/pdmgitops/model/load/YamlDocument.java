package io.pdmgitops.model.load;

import io.pdmgitops.model.SourceLocation;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/** One document of a YAML file as a JSON tree, with the position of every node. */
public record YamlDocument(int index, JsonNode root, NodePositions positions) {
  public YamlDocument {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(positions, "positions");
  }

  public String file() {
    return positions.file();
  }

  public SourceLocation start() {
    return positions.valueAt("");
  }
}
