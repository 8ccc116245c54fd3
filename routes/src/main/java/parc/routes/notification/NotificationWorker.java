package parc.routes.notification;

import java.lang.management.ManagementFactory;
import java.util.List;

import org.springframework.stereotype.Component;

import parc.orchestrator.notification.NotificationRefusedException;
import parc.orchestrator.notification.NotificationTask;
import parc.orchestrator.notification.NotificationTaskService;

/**
 * Takes a batch of notify steps and sends them one after the other: notifications are
 * few, and a batch of {@link #BATCH} sends at their time limit still ends well within
 * their lock.
 */
@Component
class NotificationWorker {

	static final int BATCH = 10;

	private final NotificationTaskService tasks;

	private final NotificationSender sender;

	private final String workerId = "notify@" + ManagementFactory.getRuntimeMXBean().getName();

	NotificationWorker(NotificationTaskService tasks, NotificationSender sender) {
		this.tasks = tasks;
		this.sender = sender;
	}

	/**
	 * @return how many steps it took
	 */
	int work() {
		List<NotificationTask> taken = this.tasks.fetch(this.workerId, BATCH);
		for (NotificationTask task : taken) {
			try {
				this.tasks.sent(task, this.sender.send(task.notification()));
			}
			catch (NotificationRefusedException ex) {
				this.tasks.refused(task, ex.getMessage());
			}
			catch (NotificationFailedException ex) {
				this.tasks.failed(task, ex.getMessage());
			}
		}
		return taken.size();
	}

}
