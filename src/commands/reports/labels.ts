/**
 * The Chinese and English words the printed form and the spreadsheet use for the figures' keys
 * (the web has its own in its i18n). An unknown key prints as itself.
 */
export const channelLabels: Record<string, string> = {
  phone: '电话 Phone',
  walk_in: '来访 Walk-in',
  app: 'App',
  wechat: '微信 WeChat',
  email: '邮件 Email',
  fax: '传真 Fax',
  mailbox: '投诉信箱 Mailbox',
  on_site: '现场 On site',
  letter: '来信 Letter',
  follow_up_visit: '回访 Follow-up visit',
};

export const departmentLabels: Record<string, string> = {
  customer_service: '客服部 Customer service',
  engineering: '工程部 Engineering',
  security: '保安部 Security',
  cleaning: '清洁部 Cleaning',
  landscaping: '绿化部 Landscaping',
  finance: '财务部 Finance',
  management: '管理处 Management',
  developer: '开发商 Developer',
  unassigned: '未指定 Not named',
};

export const classLabels: Record<string, string> = {
  valid: '有效投诉 Valid',
  assisted: '协助投诉 Assisted',
  invalid: '无效投诉 Invalid',
  collective: '集体投诉 Collective',
  unclassified: '未分类 Not classified',
};

export const methodLabels: Record<string, string> = {
  home: '上门 Home',
  office: '来访 Office',
  outdoor: '户外 Outdoor',
  questionnaire: '问卷 Questionnaire',
  phone: '电话 Phone',
  other: '其他 Other',
};

export const statusLabels: Record<string, string> = { draft: '草稿 Draft', submitted: '已上报 Submitted', received: '已签收 Received' };

export const label = (map: Record<string, string>, key: string | null): string => (key === null ? '' : (map[key] ?? key));

/** A percentage or '—' when there is nothing to measure. */
export const percent = (x: number | null): string => (x === null ? '—' : `${x}%`);
