/**
 * The built-in deployment server agents download packages from: {@code info} files over
 * HTTPS on their own port (with Parc's own certificate), fragments over Parc's HTTP port,
 * and the builds they come from.
 */
package parc.routes.agentdownload;
