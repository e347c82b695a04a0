// Which contracts take placements: the running ones (ACTIVE or EXTENDED), as a list a query can pass as a parameter.
import { CONTRACT_STATUSES, type ContractStatus, isContractRunning } from './contract-rules';

/** Contracts a client can be placed on and whose start moments count as capacity (DOMAIN brief §2 step 4). */
export const PLACEABLE_CONTRACT_STATUSES: readonly ContractStatus[] = CONTRACT_STATUSES.filter(isContractRunning);
