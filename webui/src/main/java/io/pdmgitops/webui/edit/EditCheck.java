package io.pdmgitops.webui.edit;

import io.pdmgitops.webui.api.StatusView.ProblemView;
import java.util.List;
import java.util.Optional;

/**
 * The controller's verdict on an edit as typed: the loader's problems (in the edited file and in
 * others it breaks), and, when it loads, whether the caller may commit it.
 *
 * @param forbidden why the caller may not commit it (the objects, roles and paths), if so
 */
public record EditCheck(List<ProblemView> problems, Optional<String> forbidden) {
  public EditCheck {
    problems = List.copyOf(problems);
    forbidden = forbidden == null ? Optional.empty() : forbidden;
  }

  public boolean valid() {
    return problems.stream().noneMatch(p -> p.severity().equals("error"));
  }
}
