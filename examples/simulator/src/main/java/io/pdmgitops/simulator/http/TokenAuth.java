package io.pdmgitops.simulator.http;

import io.pdmgitops.simulator.config.TokenConfig;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * API token authentication and privilege checks as PVE and PBS do them: {@code
 * PVEAPIToken=user@realm!id=secret} split at the last '=', {@code PBSAPIToken=user@realm!id:secret}
 * split at the ':' after the token name.
 */
public final class TokenAuth {
  private static final Pattern PVE = Pattern.compile("(?:^|\\s)PVEAPIToken(?:=| )([^;]*)");
  private static final Pattern PBS = Pattern.compile("(?:^|\\s)PBSAPIToken(?:=| )([^;]*)");

  /** Privileges per role; PVE names them per object type, one list serves both products here. */
  private static final Map<String, Set<String>> ROLES =
      Map.of(
          "audit", Set.of("Sys.Audit", "VM.Audit", "Datastore.Audit", "SDN.Audit"),
          "operator",
              Set.of(
                  "Sys.Audit",
                  "VM.Audit",
                  "Datastore.Audit",
                  "SDN.Audit",
                  "VM.PowerMgmt",
                  "VM.Migrate"),
          "admin",
              Set.of(
                  "Sys.Audit",
                  "SDN.Audit",
                  "Sys.Modify",
                  "Sys.Console",
                  "VM.Audit",
                  "Datastore.Audit",
                  "VM.PowerMgmt",
                  "VM.Migrate",
                  "VM.Allocate",
                  "VM.Config.Network"));

  private final Map<String, TokenConfig> tokens;
  private final boolean backupServer;

  public TokenAuth(List<TokenConfig> tokens, boolean backupServer) {
    this.tokens =
        new ConcurrentHashMap<>(
            tokens.stream().collect(Collectors.toMap(TokenConfig::id, Function.identity())));
    this.backupServer = backupServer;
  }

  /**
   * Gives a token a new secret, as an admin regenerating it on the remote does ({@code pveum user
   * token add --regenerate}): the old secret is refused with 401 from the next call on.
   */
  public void regenerate(String tokenId, String secret) {
    tokens.computeIfPresent(
        tokenId, (id, t) -> new TokenConfig(id, secret, t.role(), t.privileges()));
    if (!tokens.containsKey(tokenId)) {
      throw new IllegalArgumentException("no token " + tokenId);
    }
  }

  /** The authenticated token, or a 401 exactly as the real server answers it. */
  public TokenConfig authenticate(ApiRequest request) {
    String header = request.authorization().orElseThrow(() -> ApiException.of(401, "No ticket"));
    Matcher m = (backupServer ? PBS : PVE).matcher(header);
    if (!m.find()) {
      throw ApiException.of(401, "No ticket");
    }
    String value = URLDecoder.decode(m.group(1).trim(), StandardCharsets.UTF_8);
    int bang = value.indexOf('!');
    int split = backupServer ? value.indexOf(':', Math.max(bang, 0)) : value.lastIndexOf('=');
    if (bang < 0 || split < bang) {
      throw ApiException.of(401, "Authentication failed!");
    }
    TokenConfig token = tokens.get(value.substring(0, split));
    byte[] given = value.substring(split + 1).getBytes(StandardCharsets.UTF_8);
    if (token == null
        || !MessageDigest.isEqual(token.secret().getBytes(StandardCharsets.UTF_8), given)) {
      throw ApiException.of(401, "Authentication failed!");
    }
    return token;
  }

  /** PVE's 403: {@code Permission check failed (/vms/100, VM.PowerMgmt)}. */
  public static void require(TokenConfig token, String path, String privilege) {
    if (!has(token, path, privilege)) {
      throw ApiException.of(403, "Permission check failed (" + path + ", " + privilege + ")");
    }
  }

  /** The check without the 403, as {@code $rpcenv->check(..., 1)} (noerr) does. */
  public static boolean has(TokenConfig token, String path, String privilege) {
    return token.privileges().isEmpty()
        ? ROLES.getOrDefault(token.role(), Set.of()).contains(privilege)
        : token.privileges().contains(privilege);
  }

  public static Optional<String> userOf(TokenConfig token) {
    int bang = token.id().indexOf('!');
    return bang < 0 ? Optional.empty() : Optional.of(token.id().substring(0, bang));
  }
}
