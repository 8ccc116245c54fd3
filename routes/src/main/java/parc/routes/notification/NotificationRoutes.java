package parc.routes.notification;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

import org.springframework.stereotype.Component;

/**
 * {@code notify-tasks}: every second ({@code parc.notify.poll-interval}), this node sends
 * the notifications processes asked for, until none waits.
 */
@Component
class NotificationRoutes extends RouteBuilder {

	private final NotificationWorker worker;

	NotificationRoutes(NotificationWorker worker) {
		this.worker = worker;
	}

	@Override
	public void configure() {
		// @formatter:off
		onException(Exception.class)
			.handled(true)
			.log(LoggingLevel.WARN, "Notification worker failed: ${exception.message}");

		from("timer:notify-tasks?delay={{parc.notify.poll-delay:2000}}&period={{parc.notify.poll-interval:1000}}")
			.routeId("notify-tasks")
			.process((exchange) -> {
				while (this.worker.work() == NotificationWorker.BATCH) {
					// a full batch: more may wait
				}
			}).id("notify-send");
		// @formatter:on
	}

}
