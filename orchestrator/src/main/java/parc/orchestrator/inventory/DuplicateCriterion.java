package parc.orchestrator.inventory;

/**
 * A fact by which an inventory is recognised as coming from a machine Parc already knows,
 * although its agent's DEVICEID is new (reinstall, rename); OCS's AUTO_DUPLICATE_LVL.
 */
public enum DuplicateCriterion {

	/** Same host name, ignoring case. */
	HOSTNAME,

	/** Same system serial number (BIOS {@code SSN}). */
	SERIAL,

	/** At least one MAC address in common. */
	MAC_ADDRESS,

	/** Same system UUID. */
	UUID

}
