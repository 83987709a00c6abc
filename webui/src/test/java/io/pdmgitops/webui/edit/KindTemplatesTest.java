package io.pdmgitops.webui.edit;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.load.DesiredStateLoader;
import io.pdmgitops.model.load.LoadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new file from any kind's template is valid desired state as it opens in the editor. */
class KindTemplatesTest {
  @Test
  void everyKindsTemplateLoadsWithoutErrors(@TempDir Path dir) throws Exception {
    for (Kind kind : Kind.values()) {
      Files.writeString(
          dir.resolve(kind.kindName() + ".yaml"), KindTemplates.text(kind, "example", "example"));
    }

    LoadResult loaded = new DesiredStateLoader().load(dir);

    assertThat(loaded.problems()).noneMatch(p -> p.isError());
    assertThat(loaded.state().orElseThrow().size()).isEqualTo(Kind.values().length);
  }
}
