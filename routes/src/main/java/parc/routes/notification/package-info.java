/**
 * The notification worker: takes the processes' notify steps and sends them (a log line,
 * an e-mail through Spring's mail sender, a JSON POST with the JDK's HTTP client), away
 * from the engine's threads.
 */
package parc.routes.notification;
