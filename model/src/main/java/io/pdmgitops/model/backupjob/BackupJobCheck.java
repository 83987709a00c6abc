package io.pdmgitops.model.backupjob;

import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.load.Problem;
import io.pdmgitops.model.load.semantic.LoadedObjects;
import io.pdmgitops.model.load.semantic.RemoteReferences;
import io.pdmgitops.model.load.semantic.SemanticCheck;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What PVE would refuse about a backup job, caught in Git with the line to fix: the remote must be
 * a PVE remote, the schedule a calendar event, the selection exactly one of all, vmids or pool
 * (exclude only with all), the notes only PVE's variables, and one job per id on a remote.
 */
public final class BackupJobCheck implements SemanticCheck {
  private static final Pattern VARIABLE = Pattern.compile("\\{\\{([^}]*)}}");
  private static final Set<String> VARIABLES = Set.of("cluster", "guestname", "node", "vmid");

  @Override
  public List<Problem> check(LoadedObjects objects) {
    List<Problem> problems = new ArrayList<>();
    Map<String, String> ids = new HashMap<>();
    for (var job : objects.ofType(Kind.BACKUP_JOB, BackupJob.class)) {
      BackupJob.Spec spec = job.value().spec();
      var source = job.source();
      RemoteReferences.pve(objects, source, "/spec/remote", spec.remote(), "backup jobs")
          .ifPresent(problems::add);
      CalendarEvent.problem(spec.schedule())
          .ifPresent(
              why ->
                  problems.add(
                      source
                          .error(
                              "/spec/schedule",
                              "'" + spec.schedule() + "' is not a calendar event PVE reads: " + why)
                          .withHint(
                              "e.g. 'daily', 'sun 01:00', 'mon..fri 22:30', '*-*-01 03:00'")));
      BackupJob.Selection s = spec.selection();
      int chosen =
          (s.all().orElse(false) ? 1 : 0)
              + (s.vmids().isEmpty() ? 0 : 1)
              + (s.pool().isPresent() ? 1 : 0);
      if (chosen != 1) {
        problems.add(
            source
                .error(
                    "/spec/selection",
                    chosen == 0
                        ? "the job selects no guests"
                        : "the job selects guests in more than one way")
                .withHint("set exactly one of all: true, vmids: [...] or pool: <name>"));
      }
      if (!s.exclude().isEmpty() && !s.all().orElse(false)) {
        problems.add(
            source
                .error("/spec/selection/exclude", "exclude only applies to all: true")
                .withHint("list the guests in vmids instead, or select all and exclude these"));
      }
      spec.notesTemplate()
          .ifPresent(
              notes -> {
                Matcher m = VARIABLE.matcher(notes);
                while (m.find()) {
                  if (!VARIABLES.contains(m.group(1).strip())) {
                    problems.add(
                        source
                            .error(
                                "/spec/notesTemplate",
                                "PVE knows no variable '" + m.group() + "' in notes")
                            .withHint("use {{cluster}}, {{guestname}}, {{node}} or {{vmid}}"));
                  }
                }
              });
      String key = spec.remote() + "\u0000" + job.value().jobId();
      String other = ids.putIfAbsent(key, job.value().metadata().name());
      if (other != null) {
        problems.add(
            source
                .error(
                    "/spec/id",
                    "BackupJob '"
                        + other
                        + "' already has the id '"
                        + job.value().jobId()
                        + "' on "
                        + spec.remote())
                .withHint("give one of them another spec.id"));
      }
    }
    return problems;
  }
}
