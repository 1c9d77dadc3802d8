/**
 * The standard safety notes (动火注意事项) printed on every permit and told to the contractor when
 * the permit is issued [001]. Kept as data: the permit stores the notes it was issued with.
 */
export const standardSafetyNotes: readonly { zh: string; en: string }[] = [
  { zh: '动火人员须持有效特种作业操作证，证件随身携带备查', en: 'Operators carry a valid special-work certificate at all times' },
  {
    zh: '动火前清除作业点周围可燃物，无法清除的须用阻燃材料覆盖',
    en: 'Clear combustibles around the site; cover what cannot be moved with fire-resistant material',
  },
  {
    zh: '作业现场配备灭火器并设专人监护，监护人不得擅离',
    en: 'Extinguishers ready and a fire watcher present throughout; the watcher never leaves',
  },
  {
    zh: '只在许可证载明的地点与时段内动火，超出须重新申请',
    en: 'Hot work only at the place and within the window on the permit; anything else needs a new permit',
  },
  {
    zh: '保安巡查发现隐患须立即停止作业，整改后方可恢复',
    en: 'Stop at once when security finds a hazard; resume only after it is put right',
  },
  {
    zh: '作业结束后检查现场，确认无遗留火种，经检查签字后方可离场',
    en: 'After work, check the site for embers and leave only once the completion check is signed',
  },
];
