/** The command line: {@code java -jar pdm-gitops.jar <subcommand>}. */
package io.pdmgitops.controller.cli;
