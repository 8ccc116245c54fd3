package parc.orchestrator.discovery;

import java.time.Instant;

/**
 * A kind of device admins define to identify what discovery found (printer, switch,
 * access point...).
 *
 * @param id its id
 * @param name unique
 * @param createdBy who defined it
 * @param createdAt when
 */
public record DeviceType(long id, String name, String createdBy, Instant createdAt) {

}
