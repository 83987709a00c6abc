package io.pdmgitops.model.backupjob;

import io.pdmgitops.model.backupjob.BackupJob.Retention;
import io.pdmgitops.model.backupjob.BackupJob.Selection;
import io.pdmgitops.model.backupjob.BackupJob.Spec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A backup job in PVE's words (pve-manager {@code PVE/API2/Backup.pm}, pve-guest-common {@code
 * PVE/VZDump/Common.pm}, read at pve-manager 138cae89, PVE 9 development): the parameters a
 * declared job is written with, and each managed field's value as one comparable text, from the
 * spec or from what {@code GET /cluster/backup} answered.
 */
public final class BackupJobWire {
  private BackupJobWire() {}

  /** The value of each field the spec manages; fields left out of the spec are absent. */
  public static Map<BackupJobField, String> desired(Spec spec) {
    Map<BackupJobField, String> out = new EnumMap<>(BackupJobField.class);
    spec.enabled().ifPresent(e -> out.put(BackupJobField.ENABLED, e ? "1" : "0"));
    out.put(BackupJobField.SCHEDULE, spec.schedule().strip());
    out.put(BackupJobField.STORAGE, spec.storage());
    out.put(BackupJobField.SELECTION, selection(spec.selection()));
    if (spec.selection().all().orElse(false)) {
      out.put(BackupJobField.EXCLUDE, vmids(spec.selection().exclude()));
    }
    spec.node().ifPresent(n -> out.put(BackupJobField.NODE, n));
    spec.mode().ifPresent(m -> out.put(BackupJobField.MODE, m.wire()));
    spec.compress().ifPresent(c -> out.put(BackupJobField.COMPRESS, c));
    spec.retention().ifPresent(r -> out.put(BackupJobField.RETENTION, retention(r)));
    spec.notesTemplate().ifPresent(t -> out.put(BackupJobField.NOTES_TEMPLATE, t));
    spec.notificationMode().ifPresent(m -> out.put(BackupJobField.NOTIFICATION_MODE, m));
    spec.comment().ifPresent(c -> out.put(BackupJobField.COMMENT, c));
    return out;
  }

  /**
   * The value of every field as the job on the remote has it, PVE's defaults filled in where the
   * list leaves a key out ({@code enabled} 1, nothing excluded).
   */
  public static Map<BackupJobField, String> observed(ObservedBackupJobs.Job job) {
    Map<String, String> p = job.parameters();
    Map<BackupJobField, String> out = new EnumMap<>(BackupJobField.class);
    out.put(BackupJobField.ENABLED, truth(p.getOrDefault("enabled", "1")) ? "1" : "0");
    out.put(BackupJobField.SCHEDULE, p.getOrDefault("schedule", "").strip());
    out.put(BackupJobField.STORAGE, p.getOrDefault("storage", ""));
    if (truth(p.getOrDefault("all", "0"))) {
      out.put(BackupJobField.SELECTION, "all");
    } else if (p.containsKey("pool")) {
      out.put(BackupJobField.SELECTION, "pool " + p.get("pool"));
    } else {
      out.put(BackupJobField.SELECTION, "vmids " + vmids(parseVmids(p.getOrDefault("vmid", ""))));
    }
    out.put(BackupJobField.EXCLUDE, vmids(parseVmids(p.getOrDefault("exclude", ""))));
    out.put(BackupJobField.NODE, p.getOrDefault("node", ""));
    out.put(BackupJobField.MODE, p.getOrDefault("mode", "snapshot"));
    out.put(BackupJobField.COMPRESS, p.getOrDefault("compress", "0"));
    out.put(BackupJobField.RETENTION, normalRetention(p.getOrDefault("prune-backups", "")));
    out.put(BackupJobField.NOTES_TEMPLATE, p.getOrDefault("notes-template", ""));
    out.put(BackupJobField.NOTIFICATION_MODE, p.getOrDefault("notification-mode", "auto"));
    out.put(BackupJobField.COMMENT, p.getOrDefault("comment", ""));
    return out;
  }

  /** Every parameter a new job is created with, as {@code POST /cluster/backup} takes them. */
  public static Map<String, String> createParameters(Spec spec) {
    Map<String, String> out = new LinkedHashMap<>();
    for (BackupJobField field : desired(spec).keySet()) {
      out.putAll(parameters(field, spec));
    }
    return out;
  }

  /** The parameters that set these fields on an existing job ({@code PUT}). */
  public static Map<String, String> parameters(List<BackupJobField> fields, Spec spec) {
    Map<String, String> out = new LinkedHashMap<>();
    fields.forEach(f -> out.putAll(parameters(f, spec)));
    return out;
  }

  /**
   * The parameters to remove for these fields: an exclude list emptied in Git. PVE clears the other
   * selection keys itself when one of {@code all}, {@code vmid}, {@code pool} is set.
   */
  public static List<String> deletions(List<BackupJobField> fields, Spec spec) {
    List<String> out = new ArrayList<>();
    if (fields.contains(BackupJobField.EXCLUDE) && spec.selection().exclude().isEmpty()) {
      out.add("exclude");
    }
    return out;
  }

  private static Map<String, String> parameters(BackupJobField field, Spec spec) {
    Map<String, String> out = new LinkedHashMap<>();
    Selection s = spec.selection();
    switch (field) {
      case ENABLED -> spec.enabled().ifPresent(e -> out.put("enabled", e ? "1" : "0"));
      case SCHEDULE -> out.put("schedule", spec.schedule().strip());
      case STORAGE -> out.put("storage", spec.storage());
      case SELECTION -> {
        if (s.all().orElse(false)) {
          out.put("all", "1");
        } else if (s.pool().isPresent()) {
          out.put("pool", s.pool().get());
        } else {
          out.put("vmid", s.vmids().stream().sorted().map(String::valueOf).collect(joining()));
        }
      }
      case EXCLUDE -> {
        if (!s.exclude().isEmpty()) {
          out.put("exclude", s.exclude().stream().sorted().map(String::valueOf).collect(joining()));
        }
      }
      case NODE -> spec.node().ifPresent(n -> out.put("node", n));
      case MODE -> spec.mode().ifPresent(m -> out.put("mode", m.wire()));
      case COMPRESS -> spec.compress().ifPresent(c -> out.put("compress", c));
      case RETENTION -> spec.retention().ifPresent(r -> out.put("prune-backups", retention(r)));
      case NOTES_TEMPLATE -> spec.notesTemplate().ifPresent(t -> out.put("notes-template", t));
      case NOTIFICATION_MODE ->
          spec.notificationMode().ifPresent(m -> out.put("notification-mode", m));
      case COMMENT -> spec.comment().ifPresent(c -> out.put("comment", c));
      case PRESENT -> {}
    }
    return out;
  }

  private static java.util.stream.Collector<CharSequence, ?, String> joining() {
    return Collectors.joining(",");
  }

  private static String selection(Selection s) {
    if (s.all().orElse(false)) {
      return "all";
    }
    if (s.pool().isPresent()) {
      return "pool " + s.pool().get();
    }
    return "vmids " + vmids(s.vmids());
  }

  private static String vmids(List<Integer> ids) {
    return ids.stream().sorted().distinct().map(String::valueOf).collect(joining());
  }

  /** PVE's {@code pve-vmid-list}: separated by commas, semicolons or spaces. */
  static List<Integer> parseVmids(String text) {
    List<Integer> out = new ArrayList<>();
    for (String part : text.split("[,;\\s]+")) {
      if (!part.isBlank()) {
        try {
          out.add(Integer.parseInt(part.strip()));
        } catch (NumberFormatException e) {
          // not a vmid: PVE would not have stored it; nothing to compare
        }
      }
    }
    return out;
  }

  /** {@code keep-daily=7,keep-last=3}: keys sorted, as the comparison and PVE both take it. */
  static String retention(Retention r) {
    Map<String, String> keep = new TreeMap<>();
    r.keepAll().ifPresent(a -> keep.put("keep-all", a ? "1" : "0"));
    r.keepLast().ifPresent(n -> keep.put("keep-last", n.toString()));
    r.keepHourly().ifPresent(n -> keep.put("keep-hourly", n.toString()));
    r.keepDaily().ifPresent(n -> keep.put("keep-daily", n.toString()));
    r.keepWeekly().ifPresent(n -> keep.put("keep-weekly", n.toString()));
    r.keepMonthly().ifPresent(n -> keep.put("keep-monthly", n.toString()));
    r.keepYearly().ifPresent(n -> keep.put("keep-yearly", n.toString()));
    return keep.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(joining());
  }

  /** A {@code prune-backups} value as the list gives it (a property string), keys sorted. */
  static String normalRetention(String text) {
    Map<String, String> keep = new TreeMap<>();
    for (String part : text.split(",")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        keep.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
      }
    }
    return keep.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(joining());
  }

  private static boolean truth(String value) {
    return value.equals("1") || value.equalsIgnoreCase("true");
  }

  /** One line for people about a job on the remote: when, where, what. */
  public static String summary(ObservedBackupJobs.Job job) {
    Map<BackupJobField, String> f = observed(job);
    return f.get(BackupJobField.SCHEDULE)
        + " to "
        + f.get(BackupJobField.STORAGE)
        + ", "
        + f.get(BackupJobField.SELECTION)
        + Optional.of(f.get(BackupJobField.ENABLED))
            .filter("0"::equals)
            .map(x -> ", disabled")
            .orElse("");
  }
}
