import { addDays, generateSyntheticBsn, type CalendarDate } from '@inburgering/domain';

// Made-up people for the demo: names drawn from short lists, BSNs synthetic but 11-check valid.
export const FIRST_NAMES = ['Amal', 'Yusuf', 'Mariam', 'Tesfay', 'Huda', 'Omar', 'Lina', 'Samir', 'Rahel', 'Ahmad', 'Noor', 'Daniel', 'Fatima', 'Ali', 'Selam', 'Kareem', 'Aisha', 'Bilal', 'Hana', 'Mohammed', 'Olena', 'Dmytro', 'Sara', 'Yonas', 'Rania', 'Hamid', 'Leila', 'Ibrahim', 'Zahra', 'Tarik'];
export const LAST_NAMES = ['Haddad', 'Tesfamariam', 'Al-Khatib', 'Ghebremedhin', 'Rahimi', 'Kovalenko', 'Mansour', 'Yohannes', 'Hussein', 'Nasser', 'Bakr', 'Tekle', 'Karimi', 'Shevchenko', 'Saleh', 'Abraha', 'Hamdan', 'Sultani', 'Ismail', 'Berhane'];

export interface SyntheticClient {
  bsn: string;
  firstName: string;
  lastName: string;
  dateOfBirth: CalendarDate;
  targetGroup: 'STATUS_HOLDER' | 'FAMILY_MIGRANT' | 'OTHER';
  brpRegistrationDate: CalendarDate;
  pipSignedOn: CalendarDate | null;
  route: 'B1' | 'Z' | 'ONDERWIJS' | null;
  level: 'A2' | 'B1' | 'B2' | null;
}

/** A small seeded random generator, so the demo data (and seeded tests) come out the same every time. */
export function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticClients(count: number, seed: number, today: CalendarDate): SyntheticClient[] {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  return Array.from({ length: count }, (_, i) => {
    const targetGroup = random() < 0.75 ? 'STATUS_HOLDER' : random() < 0.8 ? 'FAMILY_MIGRANT' : 'OTHER';
    const brpRegistrationDate = addDays(today, -Math.floor(random() * 900) - 7);
    const hasPip = random() < 0.8;
    const pipSignedOn = hasPip ? addDays(brpRegistrationDate, 20 + Math.floor(random() * 60)) : null;
    const routeRoll = random();
    const route = !hasPip || targetGroup !== 'STATUS_HOLDER' ? null : routeRoll < 0.6 ? 'B1' : routeRoll < 0.8 ? 'ONDERWIJS' : 'Z';
    const level = route === 'B1' ? 'B1' : route === 'ONDERWIJS' ? 'B1' : route === 'Z' ? 'A2' : null;
    const age = route === 'ONDERWIJS' ? 18 + Math.floor(random() * 9) : 18 + Math.floor(random() * 45);
    return {
      bsn: generateSyntheticBsn(seed * 1000 + i),
      firstName: pick(FIRST_NAMES),
      lastName: pick(LAST_NAMES),
      dateOfBirth: addDays(today, -(age * 365 + Math.floor(random() * 365))),
      targetGroup,
      brpRegistrationDate,
      pipSignedOn: pipSignedOn && pipSignedOn <= today ? pipSignedOn : null,
      route: pipSignedOn && pipSignedOn <= today ? route : null,
      level: pipSignedOn && pipSignedOn <= today ? level : null,
    };
  });
}
