package io.pdmgitops.model.load.semantic;

import io.pdmgitops.model.desired.FilterKey;
import io.pdmgitops.model.desired.FilterRule;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.desired.View;
import io.pdmgitops.model.load.LoadedObject;
import io.pdmgitops.model.load.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * View rules that name a remote must name one in Git, resource ids must have PDM's global shape,
 * and a view that includes nothing is worth a warning: PDM shows it empty.
 */
final class ViewRuleCheck implements SemanticCheck {
  private static final String ID = "[A-Za-z0-9_][A-Za-z0-9._-]*";

  /** PDM's global resource ids (pdm.md 2.2). */
  private static final Pattern RESOURCE_ID =
      Pattern.compile(
          "^remote/"
              + ID
              + "(/guest/[0-9]+|/node/"
              + ID
              + "|/storage/"
              + ID
              + "/"
              + ID
              + "|/datastore/"
              + ID
              + "|/sdn/"
              + ID
              + "/"
              + ID
              + "|/network/"
              + ID
              + "/(zone|fabric)/"
              + ID
              + ")?$");

  @Override
  public List<Problem> check(LoadedObjects objects) {
    List<Problem> problems = new ArrayList<>();
    for (var view : objects.ofType(Kind.VIEW, View.class)) {
      View.Spec spec = view.value().spec();
      rules(objects, view.source(), "/spec/include/", spec.include(), problems);
      rules(objects, view.source(), "/spec/exclude/", spec.exclude(), problems);
      if (!spec.includeAll() && spec.include().isEmpty()) {
        problems.add(
            view.source()
                .warning("/spec", "the view includes nothing, so its dashboard stays empty")
                .withHint("add include rules, or 'includeAll: true' with exclude rules"));
      }
    }
    return problems;
  }

  private static void rules(
      LoadedObjects objects,
      LoadedObject source,
      String pointer,
      List<FilterRule> rules,
      List<Problem> problems) {
    for (int i = 0; i < rules.size(); i++) {
      FilterRule rule = rules.get(i);
      if (rule.key() == FilterKey.REMOTE) {
        remote(objects, source, pointer + i, rule.value(), problems);
      } else if (rule.key() == FilterKey.RESOURCE_ID) {
        if (!RESOURCE_ID.matcher(rule.value()).matches()) {
          problems.add(
              source
                  .error(pointer + i, "'" + rule.value() + "' is not a global resource id")
                  .withHint(
                      "resource ids look like remote/{remote}/guest/{vmid},"
                          + " remote/{remote}/node/{node}, remote/{remote}/storage/{node}/{storage}"
                          + " or remote/{remote}/datastore/{store}"));
        } else {
          remote(objects, source, pointer + i, rule.value().split("/")[1], problems);
        }
      }
    }
  }

  private static void remote(
      LoadedObjects objects,
      LoadedObject source,
      String pointer,
      String name,
      List<Problem> problems) {
    if (!objects.declares(Kind.REMOTE, name)) {
      problems.add(
          source
              .error(pointer, "the rule names remote '" + name + "', which is not in Git")
              .withHint(Names.suggest(name, Kind.REMOTE, objects.identities(Kind.REMOTE))));
    }
  }
}
