/**
 * Software packages in Pulse 2's model: repositories ("package APIs", a default one
 * first), packages with their label, version, install command, OS family and files, kept
 * in the data folder with a SHA-256 manifest computed once. Files are immutable: a new
 * version is a new package.
 */
package parc.orchestrator.pkg;
