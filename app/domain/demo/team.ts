// The demo operation's team: enough agents per channel for its staffing plan, with Brazilian
// names, NR-17 contracts (36 h a week) and a few people who work two channels.

const firstNames = [
  'Ana',
  'Bruno',
  'Carla',
  'Diego',
  'Eduarda',
  'Felipe',
  'Gabriela',
  'Henrique',
  'Isabela',
  'João',
  'Karina',
  'Lucas',
  'Mariana',
  'Natália',
  'Otávio',
  'Paula',
  'Rafael',
  'Sabrina',
  'Tiago',
  'Vanessa',
]
const surnames = [
  'Silva',
  'Souza',
  'Oliveira',
  'Santos',
  'Lima',
  'Pereira',
  'Costa',
  'Almeida',
  'Ferreira',
  'Rodrigues',
  'Gomes',
  'Martins',
]

export interface DemoAgent {
  name: string
  channels: string[]
  weeklyHours: number
}

/** The i-th of 240 distinct names. */
export function demoName(i: number): string {
  return `${firstNames[i % firstNames.length]} ${surnames[Math.floor(i / firstNames.length) % surnames.length]}`
}

/**
 * Agents per channel from a week's required agent-hours: a 36-hour NR-17 agent spends about 34
 * hours on the floor (paid pauses off it), and shifts never fit the curve exactly (+35%).
 * Every fourth chat agent also answers WhatsApp.
 */
export function demoTeam(agentHoursPerWeek: ReadonlyArray<{ key: string; hours: number }>): DemoAgent[] {
  const team: DemoAgent[] = []
  for (const { key, hours } of agentHoursPerWeek) {
    const count = Math.ceil((hours / 34) * 1.35)
    for (let k = 0; k < count; k++) {
      const channels = key === 'chat' && k % 4 === 0 ? ['chat', 'whatsapp'] : [key]
      team.push({ name: demoName(team.length), channels, weeklyHours: 36 })
    }
  }
  return team
}
