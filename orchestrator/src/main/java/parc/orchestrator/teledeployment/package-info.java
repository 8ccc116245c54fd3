/**
 * Teledeployment: packages delivered through the machines' OCS agents. Owns the builds
 * agents download (an OCS id, fragments and an {@code info} file per package and command
 * line), the offers each agent receives in its PROLOG and the codes it reports, the
 * agents' package history, the download settings, and the built-in deployment server's
 * private CA and certificate.
 */
package parc.orchestrator.teledeployment;
