/**
 * Notifications a process sends on its way: a log line, an e-mail through the configured
 * SMTP server, or an HTTP call to a URL the administrator allows. A process asks for one
 * with an external task on {@link NotificationVariables#TOPIC}; the work of sending is
 * done outside the engine's transactions by a worker in {@code routes}.
 */
package parc.orchestrator.notification;
