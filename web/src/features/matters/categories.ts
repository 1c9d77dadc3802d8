/**
 * The kinds of matter a desk usually records (报事类别), offered as suggestions: the category is
 * free text in the desk's own words, stored as typed.
 */
export const matterCategorySuggestions = ['公共秩序', '环境卫生', '绿化', '设施设备', '装修管理', '车辆停放', '其他'];

export const matterCategoryOptions = matterCategorySuggestions.map((c) => ({ value: c }));
