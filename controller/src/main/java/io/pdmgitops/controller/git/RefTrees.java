package io.pdmgitops.controller.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.transport.URIish;

/**
 * The desired-state files of any branch, tag or commit of the repository, for a plan: fetched into
 * a bare repository of their own (never the clone the controller reconciles from, nor the one it
 * commits with) and written out to a directory the loader reads. One ref at a time.
 *
 * <p>Bounded: a fetch by the source's timeout, the files as {@link TreeFiles} bounds them; a ref
 * name is checked before it reaches Git.
 */
public final class RefTrees {

  private static final Pattern SHA = Pattern.compile("[0-9a-f]{7,40}");

  private final GitSourceSettings settings;
  private final GitTransport transport;
  private final Path bare;

  public RefTrees(GitSourceSettings settings) {
    this.settings = settings;
    this.transport = new GitTransport(settings);
    this.bare = settings.workDir().resolve("plan-refs.git");
  }

  /** A ref that names nothing in the repository, or is not a ref name at all. */
  public static final class UnknownRefException extends Exception {
    UnknownRefException(String message) {
      super(message);
    }
  }

  /**
   * Writes the desired-state files of {@code ref} (a branch, a tag, or a commit id of 7 to 40 hex
   * digits) under {@code into}, and returns the commit's id.
   */
  public synchronized String checkout(String ref, Path into)
      throws GitSourceException, UnknownRefException {
    boolean commitId = SHA.matcher(ref).matches();
    if (!commitId && (ref.startsWith("-") || !Repository.isValidRefName(Constants.R_HEADS + ref))) {
      throw new UnknownRefException(
          "'" + ref + "' is neither a branch or tag name nor a commit id (7 to 40 hex digits)");
    }
    Optional<String> token = Optional.empty();
    try (Git git = open()) {
      ObjectId commit;
      if (commitId) {
        token = fetch(git, "+refs/heads/*:refs/remotes/origin/*");
        commit = commit(git, ref);
        if (commit == null && ref.length() == 40) {
          // Not on a branch (a merge request's merge commit): hosts that allow it serve it by id.
          commit = fetchOptional(git, ref + ":refs/plan/wanted", "refs/plan/wanted");
        }
      } else {
        commit = fetchOptional(git, "+refs/heads/" + ref + ":refs/remotes/origin/" + ref, null);
        if (commit == null) {
          commit = fetchOptional(git, "+refs/tags/" + ref + ":refs/tags/" + ref, null);
        }
        if (commit == null) {
          commit = commit(git, "refs/remotes/origin/" + ref);
          if (commit == null) {
            commit = commit(git, "refs/tags/" + ref);
          }
        }
      }
      if (commit == null) {
        throw new UnknownRefException(
            "no branch, tag or commit '" + ref + "' in " + settings.redactedUrl());
      }
      write(git.getRepository(), commit, into);
      return commit.name();
    } catch (GitAPIException | IOException | RuntimeException e) {
      throw new GitSourceException(
          "cannot read '"
              + ref
              + "' from "
              + settings.redactedUrl()
              + ": "
              + e.getClass().getSimpleName()
              + ": "
              + GitTransport.redact(e.getMessage(), token));
    }
  }

  private Git open() throws GitAPIException, IOException {
    Git git =
        Files.isDirectory(bare.resolve("objects"))
            ? Git.open(bare.toFile())
            : Git.init().setBare(true).setDirectory(bare.toFile()).call();
    try {
      StoredConfig config = git.getRepository().getConfig();
      config.setString("remote", "origin", "url", new URIish(settings.url()).toString());
      config.save();
    } catch (java.net.URISyntaxException e) {
      git.close();
      throw new IOException("the repository URL is not a URL", e);
    }
    return git;
  }

  private Optional<String> fetch(Git git, String refSpec)
      throws GitAPIException, GitSourceException {
    var fetching = git.fetch().setRemote("origin").setRefSpecs(refSpec);
    Optional<String> token = transport.configure(fetching);
    fetching.call();
    return token;
  }

  /**
   * Fetches one ref and returns the commit it names, or null when the repository has no such ref.
   * {@code stored} is where the refspec puts it, when not derivable from the refspec.
   */
  private ObjectId fetchOptional(Git git, String refSpec, String stored)
      throws GitAPIException, GitSourceException, IOException {
    try {
      fetch(git, refSpec);
    } catch (org.eclipse.jgit.api.errors.JGitInternalException e) {
      if (e.getCause() instanceof org.eclipse.jgit.errors.MissingObjectException) {
        return null; // asked for by id, and the host did not send it
      }
      throw e;
    } catch (TransportException e) {
      // JGit says "Remote does not have <ref> available for fetch." for a missing ref; a server
      // that refuses an unadvertised id answers alike. Anything else (auth, network) is an error.
      String message = String.valueOf(e.getMessage());
      if (message.contains("not have") || message.contains("not our ref")) {
        return null;
      }
      throw e;
    }
    String local = stored != null ? stored : refSpec.substring(refSpec.indexOf(':') + 1);
    return commit(git, local);
  }

  /** The commit a revision names, or null when the repository does not hold it. */
  private static ObjectId commit(Git git, String revision) throws IOException {
    try {
      return git.getRepository().resolve(revision + "^{commit}");
    } catch (org.eclipse.jgit.errors.MissingObjectException e) {
      return null;
    }
  }

  private void write(Repository repository, ObjectId commitId, Path into) throws IOException {
    TreeFiles.write(repository, commitId, settings.subdirectory(), into);
  }
}
