package parc.orchestrator.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import parc.orchestrator.deployment.LogLine;
import parc.orchestrator.deployment.MachineProgress;
import parc.orchestrator.system.transaction.TransientCollisions;

/**
 * The notify steps as the engine's external tasks: a worker takes them, sends, and says
 * how it went. A notification that cannot be sent never stops its process: after its
 * attempts, or at once when its inputs cannot work (an unknown channel, a URL the
 * administrator does not allow), the step completes with {@code notifyOutcome} FAILED and
 * the reason in the machine's log.
 */
@Service
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationTaskService {

	private static final Logger log = LoggerFactory.getLogger(NotificationTaskService.class);

	/** Long enough for a few sends of {@link NotificationProperties#timeout} each. */
	static final Duration LOCK = Duration.ofMinutes(2);

	private static final int MAX_COLLISIONS = 8;

	private final ExternalTaskService tasks;

	private final MachineProgress progress;

	private final NotificationProperties properties;

	private final AllowedUrls allowedUrls;

	NotificationTaskService(ExternalTaskService tasks, MachineProgress progress, NotificationProperties properties) {
		this.tasks = tasks;
		this.progress = progress;
		this.properties = properties;
		this.allowedUrls = new AllowedUrls(properties.allowedUrls());
	}

	/** The sender address and time limit the worker uses. */
	public NotificationProperties properties() {
		return this.properties;
	}

	/**
	 * Takes at most {@code max} notify steps; those that cannot be sent are failed here
	 * and not returned.
	 */
	public List<NotificationTask> fetch(String workerId, int max) {
		List<NotificationTask> taken = new ArrayList<>();
		List<LockedExternalTask> locked = this.tasks.fetchAndLock(max, workerId)
			.topic(NotificationVariables.TOPIC, LOCK.toMillis())
			.variables(NotificationVariables.FETCHED)
			.execute();
		for (LockedExternalTask task : locked) {
			Notification notification;
			try {
				notification = checked(Notification.of(task.getVariables(), task.getProcessDefinitionKey()));
			}
			catch (NotificationRefusedException ex) {
				Object deploymentId = task.getVariables().get(NotificationVariables.DEPLOYMENT_ID);
				Object machine = task.getVariables().get(NotificationVariables.MACHINE_NAME);
				giveUp(task.getId(), workerId, (deploymentId instanceof Number number) ? number.longValue() : null,
						(machine instanceof String name) ? name : null,
						"notification refused at " + task.getActivityId() + ": " + ex.getMessage());
				continue;
			}
			Integer retries = task.getRetries();
			taken.add(new NotificationTask(task.getId(), workerId, notification,
					(retries != null) ? retries : this.properties.attempts()));
		}
		return taken;
	}

	private Notification checked(Notification notification) {
		if (notification.url() != null && !this.allowedUrls.allows(notification.url())) {
			throw new NotificationRefusedException(NotifyStepRules.notAllowed(notification, this.allowedUrls));
		}
		return notification;
	}

	/** The notification went out: the step completes with SENT. */
	public void sent(NotificationTask task, String detail) {
		Notification notification = task.notification();
		String line = (notification.channel() == NotificationChannel.LOG) ? "notify: " + notification.message()
				: "notify: " + detail;
		finish(task.taskId(), task.workerId(), NotificationOutcome.SENT, detail, notification.deploymentId(),
				notification.machineName(), LogLine.Kind.INFO, line);
	}

	/**
	 * The send failed: tried again after {@code parc.notify.retry-pause} while attempts
	 * are left, then the step completes with FAILED.
	 */
	public void failed(NotificationTask task, String reason) {
		Notification notification = task.notification();
		String failure = notification.destination() + " failed: " + reason;
		if (task.attemptsLeft() > 1) {
			int left = task.attemptsLeft() - 1;
			log("notify: " + failure + "; tried again in " + this.properties.retryPause().toSeconds() + " s (" + left
					+ (left == 1 ? " attempt" : " attempts") + " left)", notification.deploymentId(),
					notification.machineName(), LogLine.Kind.ERROR);
			try {
				this.tasks.handleFailure(task.taskId(), task.workerId(), failure, left,
						this.properties.retryPause().toMillis());
			}
			catch (BadUserRequestException ex) {
				log.info("Notify task {} is gone or no longer held by {}: {}", task.taskId(), task.workerId(),
						ex.getMessage());
			}
			return;
		}
		giveUp(task.taskId(), task.workerId(), notification.deploymentId(), notification.machineName(), failure);
	}

	/**
	 * The send cannot work until someone changes something (no SMTP server configured, an
	 * address the mail library refuses): the step completes with FAILED at once.
	 */
	public void refused(NotificationTask task, String reason) {
		giveUp(task.taskId(), task.workerId(), task.notification().deploymentId(), task.notification().machineName(),
				task.notification().destination() + " refused: " + reason);
	}

	private void giveUp(String taskId, String workerId, Long deploymentId, String machineName, String reason) {
		finish(taskId, workerId, NotificationOutcome.FAILED, reason, deploymentId, machineName, LogLine.Kind.ERROR,
				"notify: " + reason + "; the process goes on");
	}

	private void finish(String taskId, String workerId, NotificationOutcome outcome, String detail, Long deploymentId,
			String machineName, LogLine.Kind kind, String line) {
		log(line, deploymentId, machineName, kind);
		// The process goes on in this call: a machine's process that ends as another of
		// the
		// same deployment does collides with it on their parent, and is done again.
		for (int collision = 1;; collision++) {
			try {
				this.tasks.complete(taskId, workerId,
						Variables.createVariables()
							.putValue(NotificationVariables.OUTCOME, outcome.name())
							.putValue(NotificationVariables.DETAIL, detail));
				return;
			}
			catch (BadUserRequestException ex) {
				log.info("Notify task {} is gone or no longer held by {}: {}", taskId, workerId, ex.getMessage());
				return;
			}
			catch (RuntimeException ex) {
				if (!TransientCollisions.isTransient(ex) || collision >= MAX_COLLISIONS) {
					stuck(taskId, workerId, ex);
					return;
				}
				TransientCollisions.pause(collision);
			}
		}
	}

	/**
	 * What follows the step failed (a later step's delegate threw): rather than sending
	 * again every time the lock expires, the step waits as an incident in Cockpit, where
	 * an administrator sees why and retries it.
	 */
	private void stuck(String taskId, String workerId, RuntimeException ex) {
		String reason = "the process could not go on after this notification: " + ex.getMessage();
		log.error("Notify task {}: {}", taskId, reason, ex);
		try {
			this.tasks.handleFailure(taskId, workerId, reason, 0, 0);
		}
		catch (RuntimeException again) {
			log.warn("Notify task {} could not be marked failed: {}", taskId, again.getMessage());
		}
	}

	private void log(String line, Long deploymentId, String machineName, LogLine.Kind kind) {
		String context = (deploymentId != null)
				? "[deployment " + deploymentId + ((machineName != null) ? ", machine " + machineName : "") + "] " : "";
		if (kind == LogLine.Kind.ERROR) {
			log.warn("{}{}", context, line);
		}
		else {
			log.info("{}{}", context, line);
		}
		if (deploymentId != null && machineName != null) {
			this.progress.appendLog(deploymentId, machineName, new LogLine(Instant.now(), null, kind, line));
		}
	}

}
