package parc.orchestrator.notification;

/**
 * A notify step a worker took.
 *
 * @param taskId the engine's external task
 * @param workerId who holds it
 * @param notification what to send
 * @param attemptsLeft this attempt included
 */
public record NotificationTask(String taskId, String workerId, Notification notification, int attemptsLeft) {
}
