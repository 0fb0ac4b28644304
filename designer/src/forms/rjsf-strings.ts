// Every string RJSF itself writes (row buttons, empty lists, yes/no, optional groups…) in Chinese, in one place;
// passed to every generated form as translateString, so no English reaches an applicant or a reviewer.
import { replaceStringParameters, TranslatableString } from '@rjsf/utils';

const ZH: Record<TranslatableString, string> = {
  [TranslatableString.ArrayItemTitle]: '一项',
  [TranslatableString.MissingItems]: '此列表未定义填写项',
  [TranslatableString.EmptyArray]: '尚未填写，请点击下方“添加一项”。',
  [TranslatableString.YesLabel]: '是',
  [TranslatableString.NoLabel]: '否',
  [TranslatableString.CloseLabel]: '关闭',
  [TranslatableString.ErrorsLabel]: '需要修改的地方',
  [TranslatableString.NewStringDefault]: '新值',
  [TranslatableString.AddButton]: '添加',
  [TranslatableString.AddItemButton]: '添加一项',
  [TranslatableString.CopyButton]: '复制',
  [TranslatableString.ExpandButton]: '展开',
  [TranslatableString.MoveDownButton]: '下移',
  [TranslatableString.MoveUpButton]: '上移',
  [TranslatableString.RemoveButton]: '删除',
  [TranslatableString.NowLabel]: '现在',
  [TranslatableString.ClearLabel]: '清除',
  [TranslatableString.AriaDateLabel]: '选择日期',
  [TranslatableString.PreviewLabel]: '预览',
  [TranslatableString.DecrementAriaLabel]: '减 1',
  [TranslatableString.IncrementAriaLabel]: '加 1',
  [TranslatableString.OptionalObjectAdd]: '填写此项',
  [TranslatableString.OptionalObjectRemove]: '不填此项',
  [TranslatableString.OptionalObjectEmptyMsg]: '未填写（选填）',
  [TranslatableString.Type]: '类型',
  [TranslatableString.Value]: '值',
  [TranslatableString.ClearButton]: '清空',
  [TranslatableString.UnknownFieldType]: '无法显示此栏目',
  [TranslatableString.OptionPrefix]: '选项 %1',
  [TranslatableString.TitleOptionPrefix]: '%1 选项 %2',
  [TranslatableString.KeyLabel]: '%1 名称',
  [TranslatableString.DeprecatedLabel]: '%1（已停用）',
  [TranslatableString.CycleDetected]: '此栏目的定义循环引用，无法继续展开',
  [TranslatableString.InvalidObjectField]: '此栏目的定义有误，无法显示',
  [TranslatableString.UnsupportedField]: '无法显示此栏目',
  [TranslatableString.UnsupportedFieldWithId]: '无法显示此栏目',
  [TranslatableString.UnsupportedFieldWithReason]: '无法显示此栏目',
  [TranslatableString.UnsupportedFieldWithIdAndReason]: '无法显示此栏目',
  [TranslatableString.FilesInfo]: '%1（%2，%3 字节）',
};

/** RJSF's translateString: Chinese for each of its strings, parameters filled in as RJSF's English one does */
export function translateZh(str: TranslatableString, params?: string[]): string {
  return replaceStringParameters(ZH[str] ?? str, params);
}
