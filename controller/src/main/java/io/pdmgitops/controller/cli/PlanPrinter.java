package io.pdmgitops.controller.cli;

import io.pdmgitops.webui.api.ResourceView.DriftView;
import io.pdmgitops.webui.api.StatusView.ProblemView;
import io.pdmgitops.webui.plan.PlanReport;
import java.util.ArrayList;
import java.util.List;

/** A plan as people read it: plain text for a terminal, Markdown for a merge-request comment. */
final class PlanPrinter {
  /** Removing an object from Git never deletes anything on a remote. */
  static final String NO_LONGER_MANAGED = "no longer managed: left as it is";

  private PlanPrinter() {}

  static String text(PlanReport plan) {
    StringBuilder out = new StringBuilder();
    out.append("Plan of ").append(title(plan, false)).append('\n');
    if (!plan.valid()) {
      out.append("Invalid: the controller would refuse this desired state.\n");
      for (ProblemView p : plan.problems()) {
        out.append(problem(p)).append('\n');
      }
      return out.toString();
    }
    plan.observedAt().ifPresent(at -> out.append("Fleet as observed at ").append(at).append('\n'));
    out.append('\n');
    for (PlanReport.Item item : plan.resources()) {
      out.append(item.kind()).append('/').append(item.name());
      if (!item.change().equals("none")) {
        out.append(" (").append(item.change()).append(" in Git)");
      }
      out.append('\n');
      for (DriftView d : item.drifts()) {
        out.append("  ")
            .append(d.field())
            .append(": desired ")
            .append(d.desired())
            .append(", observed ")
            .append(d.observed())
            .append('\n');
      }
      if (item.action().isPresent()) {
        out.append("  -> ").append(item.action().get());
        item.remote()
            .ifPresent(
                r -> out.append(" on ").append(r).append(item.vmid().map(v -> "/" + v).orElse("")));
        if (item.drifts().isEmpty()) {
          item.reason().ifPresent(r -> out.append(": ").append(r));
        }
        out.append('\n');
      } else if (item.blocked().isPresent()) {
        out.append("  ! not sent: ").append(item.blocked().get()).append('\n');
      } else if (!item.drifts().isEmpty()) {
        out.append("  (reported only: policy ")
            .append(item.policy().orElse("report"))
            .append(")\n");
      } else if (item.sync().filter(s -> !s.equals("SYNCED")).isPresent()) {
        out.append("  ").append(item.message().orElse(item.sync().get())).append('\n');
      } else if (item.change().equals("removed")) {
        out.append("  ").append(NO_LONGER_MANAGED).append('\n');
      }
    }
    for (ProblemView p : plan.problems()) {
      out.append(problem(p)).append('\n');
    }
    out.append(plan.resources().isEmpty() ? "" : "\n").append(summary(plan)).append('\n');
    return out.toString();
  }

  static String markdown(PlanReport plan) {
    StringBuilder out = new StringBuilder();
    out.append("### pdm-gitops plan: ").append(title(plan, true)).append("\n\n");
    if (!plan.valid()) {
      out.append("**Invalid**: the controller would refuse this desired state.\n\n");
      for (ProblemView p : plan.problems()) {
        out.append("- `").append(code(location(p))).append("` ").append(cell(p.message()));
        p.hint().ifPresent(h -> out.append(" (").append(cell(h)).append(')'));
        out.append('\n');
      }
      return out.toString();
    }
    out.append(summary(plan));
    plan.observedAt().ifPresent(at -> out.append(" Fleet as observed at ").append(at).append('.'));
    out.append("\n\n");
    if (!plan.resources().isEmpty()) {
      out.append("| Resource | Git | Field | Desired | Observed | Action |\n");
      out.append("|---|---|---|---|---|---|\n");
      for (PlanReport.Item item : plan.resources()) {
        List<String[]> rows = new ArrayList<>();
        for (DriftView d : item.drifts()) {
          rows.add(new String[] {d.field(), d.desired(), d.observed()});
        }
        if (rows.isEmpty()) {
          rows.add(new String[] {"", "", ""});
        }
        for (int i = 0; i < rows.size(); i++) {
          String[] row = rows.get(i);
          out.append("| ")
              .append(i == 0 ? "`" + code(item.kind() + "/" + item.name()) + "`" : "")
              .append(" | ")
              .append(i == 0 && !item.change().equals("none") ? item.change() : "")
              .append(" | ")
              .append(cell(row[0]))
              .append(" | ")
              .append(cell(row[1]))
              .append(" | ")
              .append(cell(row[2]))
              .append(" | ")
              .append(i == 0 ? cell(action(item)) : "")
              .append(" |\n");
        }
      }
      out.append('\n');
    }
    if (!plan.problems().isEmpty()) {
      out.append("Warnings:\n\n");
      for (ProblemView p : plan.problems()) {
        out.append("- `").append(code(location(p))).append("` ").append(cell(p.message()));
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static String action(PlanReport.Item item) {
    if (item.action().isPresent()) {
      return "**" + item.action().get() + "**";
    }
    if (item.blocked().isPresent()) {
      return "not sent: " + item.blocked().get();
    }
    if (!item.drifts().isEmpty()) {
      return "reported only";
    }
    if (item.change().equals("removed")) {
      return NO_LONGER_MANAGED;
    }
    return item.sync().filter(s -> !s.equals("SYNCED")).flatMap(s -> item.message()).orElse("");
  }

  private static String title(PlanReport plan, boolean markdown) {
    String target = markdown ? "`" + code(plan.target()) + "`" : plan.target();
    String sha =
        plan.sha()
            .filter(s -> !plan.target().startsWith("commit "))
            .map(s -> " at " + (markdown ? "`" + s.substring(0, 12) + "`" : s.substring(0, 12)))
            .orElse("");
    String base =
        plan.baseSha()
            .map(
                s ->
                    ", against "
                        + (markdown ? "`" + s.substring(0, 12) + "`" : s.substring(0, 12))
                        + " in force")
            .orElse("");
    return target + sha + base;
  }

  static String summary(PlanReport plan) {
    if (!plan.changes()) {
      return "No changes: Git and the fleet agree.";
    }
    PlanReport.Summary s = plan.summary();
    return plural(s.actions(), "action")
        + " to send, "
        + s.blocked()
        + " blocked; in Git "
        + s.added()
        + " added, "
        + s.changed()
        + " changed, "
        + s.removed()
        + " removed.";
  }

  private static String problem(ProblemView p) {
    return location(p)
        + ": "
        + p.severity()
        + ": "
        + p.message()
        + p.hint().map(h -> "\n  hint: " + h).orElse("");
  }

  private static String location(ProblemView p) {
    return p.file() + ":" + p.line() + ":" + p.column();
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** A table cell: no pipe or line break may end it early. */
  private static String cell(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("\r", "");
  }

  private static String code(String text) {
    return text.replace("`", "'");
  }
}
