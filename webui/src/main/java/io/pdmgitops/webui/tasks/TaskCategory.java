package io.pdmgitops.webui.tasks;

import java.util.Map;

/**
 * The category a task type belongs to on task summaries, after PDM's grouping: guest power and
 * changes, migrations, backups, datastore maintenance, updates; other types stand for themselves.
 */
public final class TaskCategory {
  private static final Map<String, String> BY_TYPE =
      Map.ofEntries(
          Map.entry("qmstart", "guest"),
          Map.entry("qmstop", "guest"),
          Map.entry("qmshutdown", "guest"),
          Map.entry("qmreboot", "guest"),
          Map.entry("qmsuspend", "guest"),
          Map.entry("qmresume", "guest"),
          Map.entry("qmreset", "guest"),
          Map.entry("qmconfig", "guest"),
          Map.entry("qmcreate", "guest"),
          Map.entry("qmdestroy", "guest"),
          Map.entry("vzstart", "guest"),
          Map.entry("vzstop", "guest"),
          Map.entry("vzshutdown", "guest"),
          Map.entry("vzreboot", "guest"),
          Map.entry("vzcreate", "guest"),
          Map.entry("vzdestroy", "guest"),
          Map.entry("qmigrate", "migration"),
          Map.entry("vzmigrate", "migration"),
          Map.entry("qmremotemigrate", "migration"),
          Map.entry("vzremotemigrate", "migration"),
          Map.entry("qmtunnel", "migration"),
          Map.entry("vzdump", "backup"),
          Map.entry("backup", "backup"),
          Map.entry("garbage_collection", "datastore"),
          Map.entry("prune", "datastore"),
          Map.entry("prunejob", "datastore"),
          Map.entry("verify", "datastore"),
          Map.entry("verificationjob", "datastore"),
          Map.entry("syncjob", "datastore"),
          Map.entry("aptupdate", "updates"));

  private TaskCategory() {}

  public static String of(String type) {
    return BY_TYPE.getOrDefault(type, type);
  }
}
