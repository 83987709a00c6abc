package io.pdmgitops.controller.write;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a branch pushed for review gets its merge request: the repository's review URL with {@code
 * {branch}} and {@code {target}} filled in, e.g. {@code
 * https://github.com/infra/fleet/compare/{target}...{branch}?expand=1} or {@code
 * https://gitlab.corp.example/infra/fleet/-/merge_requests/new?merge_request[source_branch]={branch}&merge_request[target_branch]={target}}.
 *
 * @param template the URL, or empty when none is configured (the message then names the branch)
 * @param target the followed branch, where the change takes effect once merged
 */
public record ReviewLinks(Optional<String> template, String target) {
  public Optional<String> link(String branch) {
    return template
        .filter(t -> t.startsWith("https://"))
        .map(
            t ->
                t.replace("{branch}", URLEncoder.encode(branch, StandardCharsets.UTF_8))
                    .replace("{target}", URLEncoder.encode(target, StandardCharsets.UTF_8)));
  }
}
