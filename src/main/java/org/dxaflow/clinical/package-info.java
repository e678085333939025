/**
 * Clinical facts about the patient that more than one step of the pathway must read the same way.
 * Today: how an unstated menopausal status is treated, one rule for the justification gate and for
 * densitometry (conf/clinical/menopausal-status.yaml). Depends on nothing else in the engine.
 */
package org.dxaflow.clinical;
